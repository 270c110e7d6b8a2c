using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Journal;
using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests.Journal;

/// <summary>The journal as one connection sees it (moved out of Get-RdsRestoreJob, which used to filter it twice).</summary>
public sealed class ConnectionJournalTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rds-connjournal-" + Guid.NewGuid().ToString("N"));
    private readonly RestoreJournal _journal;
    private readonly RdsConnection _connection = TestConnections.AkSk();

    public ConnectionJournalTests() => _journal = new RestoreJournal(Path.Combine(_folder, "journal.jsonl"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // The sender of a Sending line is taken as gone, so an attempt with only Sending is unresolved once written.
    private ConnectionJournal Mine() => new(_journal, _connection, senderMayBeAlive: _ => false);

    private RestoreJournalEntry Line(string attempt, RestoreJournalPhase phase, DateTimeOffset time, string target = "tgt",
        string? endpoint = null, string? project = null, string? jobId = null) => new()
    {
        AttemptId = attempt, Phase = phase, Time = time, SourceInstanceId = "src", TargetInstanceId = target, BackupId = "bk",
        Endpoint = endpoint ?? _connection.Endpoint.ToString(), ProjectId = project ?? _connection.ProjectId, JobId = jobId,
    };

    [Fact]
    public void Only_the_entries_of_the_same_endpoint_and_project_are_this_connections()
    {
        _journal.Append(Line("mine", RestoreJournalPhase.Submitted, T0, jobId: "j1"));
        // The same endpoint spelled with a trailing slash and upper case is the same endpoint.
        _journal.Append(Line("mine-spelled", RestoreJournalPhase.Submitted, T0, jobId: "j2", endpoint: _connection.Endpoint.ToString().ToUpperInvariant().TrimEnd('/') + "/"));
        _journal.Append(Line("other-cloud", RestoreJournalPhase.Submitted, T0, jobId: "j3", endpoint: "https://rds.eu-de.otc.t-systems.com"));
        _journal.Append(Line("other-project", RestoreJournalPhase.Submitted, T0, jobId: "j4", project: "ffffffffffffffffffffffffffffffff"));

        var attempts = Mine().Attempts(T0.AddMinutes(-1));

        Assert.Equal(new[] { "mine", "mine-spelled" }, attempts.Select(a => a.AttemptId).OrderBy(a => a, StringComparer.Ordinal));
    }

    [Fact]
    public void Attempts_can_be_narrowed_to_one_target_and_a_look_back()
    {
        _journal.Append(Line("old", RestoreJournalPhase.Submitted, T0.AddDays(-2), jobId: "j0"));
        _journal.Append(Line("a", RestoreJournalPhase.Submitted, T0, target: "t1", jobId: "j1"));
        _journal.Append(Line("b", RestoreJournalPhase.Submitted, T0.AddMinutes(1), target: "t2", jobId: "j2"));

        Assert.Equal(new[] { "b", "a" }, Mine().Attempts(T0.AddDays(-1)).Select(a => a.AttemptId));
        Assert.Equal(new[] { "a" }, Mine().Attempts(T0.AddDays(-1), "t1").Select(a => a.AttemptId));
    }

    [Fact]
    public void A_job_created_around_an_unresolved_send_into_its_target_is_that_send_and_the_tie_is_recorded()
    {
        _journal.Append(Line("far", RestoreJournalPhase.Sending, T0.AddMinutes(-4)));
        _journal.Append(Line("near", RestoreJournalPhase.Sending, T0));
        _journal.Append(Line("other-target", RestoreJournalPhase.Sending, T0, target: "elsewhere"));
        var job = new RdsRestoreJob { JobId = "job-9", TargetInstanceId = "tgt", Created = T0.AddSeconds(20) };
        var mine = Mine();

        var attempt = mine.UnresolvedSendOf(job, T0.AddHours(1));
        Assert.Equal("near", attempt!.AttemptId);

        mine.Tie(attempt, job, T0.AddHours(1), "a test");
        Assert.Equal(T0, job.SubmittedAt);
        Assert.Equal("src", job.SourceInstanceId);
        Assert.Equal("bk", job.BackupId);
        var tied = Mine().Attempts(T0.AddMinutes(-10)).Single(a => a.AttemptId == "near");
        Assert.Equal(RestoreJournalPhase.Submitted, tied.Outcome!.Phase);
        Assert.Equal("job-9", tied.Outcome.JobId);
        Assert.Contains("tied by a test", tied.Outcome.Detail);
        // Tied, it is resolved: the next job there is matched with the remaining unresolved send.
        Assert.Equal("far", Mine().UnresolvedSendOf(new RdsRestoreJob { JobId = "job-10", TargetInstanceId = "tgt", Created = T0.AddSeconds(20) }, T0.AddHours(1))!.AttemptId);
    }

    [Fact]
    public void Tying_a_backup_first_send_keeps_its_safety_backup_body_and_rule_profile_for_Undo()
    {
        // -BackupTargetFirst: the attempt's first line is the backup step's (no SafetyBackupId, the backup's body, no rules).
        RestoreJournalEntry Step(RestoreJournalPhase phase, int second, string? safetyBackupId) => new()
        {
            AttemptId = "bf", Phase = phase, Time = T0.AddSeconds(second), SourceInstanceId = "src", TargetInstanceId = "tgt", BackupId = "bk",
            Endpoint = _connection.Endpoint.ToString(), ProjectId = _connection.ProjectId, Body = "{\"instance_id\":\"tgt\",\"name\":\"safety\"}",
            SafetyBackupId = safetyBackupId,
        };
        _journal.Append(Step(RestoreJournalPhase.SafetyBackupSending, -60, null));
        _journal.Append(Step(RestoreJournalPhase.SafetyBackupStarted, -59, "bk-safety"));
        _journal.Append(Step(RestoreJournalPhase.SafetyBackupTaken, -1, "bk-safety"));
        var restoreBody = "{\"source\":{\"instance_id\":\"src\"},\"target\":{\"instance_id\":\"tgt\"}}";
        _journal.Append(new RestoreJournalEntry
        {
            AttemptId = "bf", Phase = RestoreJournalPhase.Sending, Time = T0, SourceInstanceId = "src", TargetInstanceId = "tgt", BackupId = "bk",
            Endpoint = _connection.Endpoint.ToString(), ProjectId = _connection.ProjectId, Body = restoreBody, RuleProfile = "Strict",
        });
        var mine = Mine();
        var job = new RdsRestoreJob { JobId = "job-bf", TargetInstanceId = "tgt", Created = T0.AddSeconds(5) };
        var attempt = mine.UnresolvedSendOf(job, T0.AddHours(1));
        Assert.Equal("bf", attempt!.AttemptId);

        mine.Tie(attempt, job, T0.AddHours(1), "a test");

        Assert.Equal("bk-safety", job.SafetyBackupId);
        var submitted = _journal.FindSubmitted("job-bf", TimeSpan.FromDays(365 * 10));
        Assert.NotNull(submitted);
        Assert.Equal("bk-safety", submitted!.SafetyBackupId);
        Assert.Equal(restoreBody, submitted.Body);
        Assert.Equal("Strict", submitted.RuleProfile);
        Assert.Equal("bk-safety", submitted.ToRestoreJob().SafetyBackupId);
    }

    [Theory]
    [InlineData(-2, false)]   // created two minutes before the send: not this send's job
    [InlineData(-0.5, true)]  // up to a minute before (clocks differ)
    [InlineData(4, true)]     // while a send may still be retried
    [InlineData(6, false)]    // after the longest send
    public void Only_a_job_created_within_the_send_window_is_tied(double minutesAfterSend, bool tied)
    {
        _journal.Append(Line("a", RestoreJournalPhase.Sending, T0));
        var job = new RdsRestoreJob { JobId = "j", TargetInstanceId = "tgt", Created = T0.AddMinutes(minutesAfterSend) };
        Assert.Equal(tied, Mine().UnresolvedSendOf(job, T0.AddHours(1)) is not null);
    }

    [Fact]
    public void A_send_with_a_known_outcome_or_a_job_without_target_or_creation_time_is_never_tied()
    {
        _journal.Append(Line("done", RestoreJournalPhase.Sending, T0));
        _journal.Append(Line("done", RestoreJournalPhase.Submitted, T0.AddSeconds(1), jobId: "j1"));
        Assert.Null(Mine().UnresolvedSendOf(new RdsRestoreJob { JobId = "j2", TargetInstanceId = "tgt", Created = T0 }, T0.AddHours(1)));

        _journal.Append(Line("open", RestoreJournalPhase.Sending, T0.AddHours(2)));
        Assert.Null(Mine().UnresolvedSendOf(new RdsRestoreJob { JobId = "j3", TargetInstanceId = "tgt" }, T0.AddHours(3)));
        Assert.Null(Mine().UnresolvedSendOf(new RdsRestoreJob { JobId = "j3", Created = T0.AddHours(2) }, T0.AddHours(3)));
    }

    [Fact]
    public void Acknowledging_marks_only_an_unresolved_attempt_of_the_list()
    {
        _journal.Append(Line("open", RestoreJournalPhase.Sending, T0));
        _journal.Append(Line("done", RestoreJournalPhase.Submitted, T0, jobId: "j1"));
        var mine = Mine();
        var attempts = mine.Attempts(T0.AddMinutes(-1));

        Assert.Null(mine.Acknowledge(attempts, "done", T0.AddHours(1)));
        Assert.Null(mine.Acknowledge(attempts, "unknown", T0.AddHours(1)));
        Assert.Equal("open", mine.Acknowledge(attempts, "open", T0.AddHours(1))!.AttemptId);

        var after = Mine().Attempts(T0.AddMinutes(-1)).Single(a => a.AttemptId == "open");
        Assert.Equal(RestoreJournalPhase.Acknowledged, after.Outcome!.Phase);
        Assert.False(Mine().IsUnresolved(after, T0.AddHours(1)));
    }

    [Fact]
    public void A_job_id_gives_the_journals_job_or_a_bare_job()
    {
        _journal.Append(Line("a", RestoreJournalPhase.Submitted, T0, jobId: "known-job"));

        var known = _journal.JobOrBare("known-job");
        Assert.Equal(("known-job", "src", "tgt", "bk", (DateTimeOffset?)T0, RdsJobStatus.Submitted),
            (known.JobId, known.SourceInstanceId, known.TargetInstanceId, known.BackupId, known.SubmittedAt, known.Status));

        var bare = _journal.JobOrBare("never-seen");
        Assert.Equal(("never-seen", "", (DateTimeOffset?)null, RdsJobStatus.Unknown), (bare.JobId, bare.TargetInstanceId, bare.SubmittedAt, bare.Status));
    }
}
