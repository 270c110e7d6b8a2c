using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Restore;

public sealed class RestoreFactsGathererTests : IDisposable
{
    private static readonly FixedClock Now = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "facts-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly FakeRdsService _service = new();

    public void Dispose() => File.Delete(_journalPath);

    private (RestoreFactsGatherer Gatherer, FakeRdsHandler Handler) Create(RestoreJournal? journal = null)
    {
        var (client, handler, _) = TestConnections.Client(_service.Respond);
        return (new RestoreFactsGatherer(client, journal, Now), handler);
    }

    private static RestoreRequest Backup(string source = FakeRdsService.SourceId, string target = FakeRdsService.TargetId, string backup = "bk1") =>
        RestoreRequest.ForBackup(source, target, backup);

    [Fact]
    public async Task A_backup_restore_gathers_both_instances_and_the_backup_and_passes_every_rule()
    {
        var (gatherer, handler) = Create();

        var facts = await gatherer.GatherAsync(Backup(), CancellationToken.None);
        var report = CompatibilityRules.Evaluate(Backup(), facts);

        Assert.Equal("erp-prod", facts.Source!.Name);
        Assert.Equal("erp-staging", facts.Target!.Name);
        Assert.Equal("COMPLETED", facts.Backup!.Status);
        Assert.Null(facts.RestoreWindows);
        Assert.True(report.IsCompatible, report.ToString());
        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_point_in_time_restore_gathers_the_windows_not_a_backup()
    {
        var (gatherer, handler) = Create();
        var request = RestoreRequest.ForPointInTime(FakeRdsService.SourceId, FakeRdsService.TargetId, DateTimeOffset.FromUnixTimeMilliseconds(1764100000000), clock: Now);

        var facts = await gatherer.GatherAsync(request, CancellationToken.None);

        Assert.Null(facts.Backup);
        Assert.Single(facts.RestoreWindows!);
        Assert.Equal(RuleOutcome.Passed, CompatibilityRules.Evaluate(request, facts)[RdsRuleIds.RestoreTimeInWindow]!.Outcome);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/backups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_target_is_refused_with_InstanceNotFound_naming_it()
    {
        _service.TargetExists = false;
        var (gatherer, _) = Create();

        var ex = await Assert.ThrowsAsync<RdsValidationException>(() => gatherer.GatherAsync(Backup(), CancellationToken.None));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(RdsErrorIds.InstanceNotFound, error.Id);
        Assert.Equal(RdsErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(FakeRdsService.TargetId, error.TargetObject);
        Assert.Equal("TargetInstanceId", error.ParameterName);
    }

    [Fact]
    public async Task A_backup_not_of_the_source_is_refused_with_BackupNotFound()
    {
        var (gatherer, _) = Create();

        var ex = await Assert.ThrowsAsync<RdsValidationException>(() => gatherer.GatherAsync(Backup(backup: "bk-other"), CancellationToken.None));

        Assert.Equal(RdsErrorIds.BackupNotFound, ex.Error.Id);
        Assert.Equal("bk-other", ex.Error.TargetObject);
    }

    [Fact]
    public async Task A_restore_into_the_source_looks_the_instance_up_once()
    {
        var (gatherer, handler) = Create();

        var facts = await gatherer.GatherAsync(Backup(target: FakeRdsService.SourceId), CancellationToken.None);

        Assert.Same(facts.Source, facts.Target);
        Assert.Single(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SQL_Server_database_names_of_both_instances_are_gathered_when_a_map_is_given()
    {
        var (gatherer, _) = Create();
        var map = new[] { new KeyValuePair<string, string?>("sales", "sales_1127") };
        var request = RestoreRequest.Create(FakeRdsService.SqlSourceId, FakeRdsService.SqlTargetId, "bk4", null, map, Now);

        var facts = await gatherer.GatherAsync(request, CancellationToken.None);

        Assert.Equal(new[] { "master", "sales", "hr" }, facts.SourceDatabaseNames);
        Assert.Equal(new[] { "master", "sales_old" }, facts.TargetDatabaseNames);
        Assert.Equal(RuleOutcome.Passed, CompatibilityRules.Evaluate(request, facts)[RdsRuleIds.DatabaseNameNotInUse]!.Outcome);
    }

    [Fact]
    public async Task A_point_in_time_restore_with_a_map_reads_the_source_backups_and_judges_the_restore_point()
    {
        var (gatherer, handler) = Create();
        var map = new[] { new KeyValuePair<string, string?>("dropped", "dropped_back") };
        // 2026-11-27T15:00Z: after bk4 (ended 14:06Z, lists 'dropped'), before bk5; 'dropped' is no longer on the source.
        var request = RestoreRequest.Create(FakeRdsService.SqlSourceId, FakeRdsService.SqlTargetId, null,
            new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero), map, Now);

        var facts = await gatherer.GatherAsync(request, CancellationToken.None);

        Assert.Equal(new[] { "bk5", "bk4" }, facts.SourceBackups!.Select(b => b.Id));
        var result = CompatibilityRules.Evaluate(request, facts)[RdsRuleIds.DatabaseToRestoreExists]!;
        Assert.Equal(RuleOutcome.Passed, result.Outcome);
        Assert.Contains("bk4", result.Message);
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/backups", StringComparison.Ordinal) && r.Query("backup_id").Length == 0);
    }

    [Fact]
    public async Task A_point_in_time_restore_without_a_map_reads_no_backups()
    {
        var (gatherer, handler) = Create();
        var request = RestoreRequest.Create(FakeRdsService.SqlSourceId, FakeRdsService.SqlTargetId, null,
            new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero), null, Now);

        var facts = await gatherer.GatherAsync(request, CancellationToken.None);

        Assert.Null(facts.SourceBackups);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/backups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_map_no_database_list_is_asked_for()
    {
        var (gatherer, handler) = Create();
        var request = RestoreRequest.Create(FakeRdsService.SqlSourceId, FakeRdsService.SqlTargetId, "bk4", null, null, Now);

        var facts = await gatherer.GatherAsync(request, CancellationToken.None);

        Assert.Null(facts.SourceDatabaseNames);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/database/detail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journalled_restore_still_running_on_the_target_makes_it_busy()
    {
        var journal = new RestoreJournal(_journalPath);
        var (gatherer, _) = Create(journal);
        journal.Append(new RestoreJournalEntry
        {
            Time = Now.UtcNow.AddMinutes(-5), Phase = RestoreJournalPhase.Submitted, JobId = "job-earlier",
            SourceInstanceId = FakeRdsService.SourceId, TargetInstanceId = FakeRdsService.TargetId,
            Endpoint = TestConnections.AkSk().Endpoint.ToString(), ProjectId = TestConnections.ProjectId,
        });

        var facts = await gatherer.GatherAsync(Backup(), CancellationToken.None);

        Assert.True(facts.TargetHasRunningJob);
        Assert.Equal(RuleOutcome.Failed, CompatibilityRules.Evaluate(Backup(), facts)[RdsRuleIds.TargetNotBusy]!.Outcome);
    }

    [Fact]
    public async Task A_journalled_restore_that_completed_does_not_block_the_target()
    {
        _service.JobStatus = "Completed";
        var journal = new RestoreJournal(_journalPath);
        var (gatherer, _) = Create(journal);
        journal.Append(new RestoreJournalEntry
        {
            Time = Now.UtcNow.AddMinutes(-5), Phase = RestoreJournalPhase.Submitted, JobId = "job-earlier",
            TargetInstanceId = FakeRdsService.TargetId, Endpoint = TestConnections.AkSk().Endpoint.ToString(), ProjectId = TestConnections.ProjectId,
        });

        var facts = await gatherer.GatherAsync(Backup(), CancellationToken.None);

        Assert.False(facts.TargetHasRunningJob);
    }

    [Fact]
    public async Task A_target_being_restored_fails_TargetNotBusy()
    {
        _service.TargetStatus = "RESTORING";
        var (gatherer, _) = Create();

        var facts = await gatherer.GatherAsync(Backup(), CancellationToken.None);

        Assert.Equal(RuleOutcome.Failed, CompatibilityRules.Evaluate(Backup(), facts)[RdsRuleIds.TargetNotBusy]!.Outcome);
    }
}
