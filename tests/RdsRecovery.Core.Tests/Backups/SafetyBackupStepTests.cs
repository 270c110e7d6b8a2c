using System.Net;
using RdsRecovery.Api;
using RdsRecovery.Backups;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;

namespace RdsRecovery.Core.Tests.Backups;

/// <summary>
/// The last step of -BackupTargetFirst, the wait for the target to be ACTIVE again, fails the way the backup's follow
/// step fails: a SafetyBackupFailed line in the journal, and an error that says nothing was restored and names the kept backup.
/// </summary>
public sealed class SafetyBackupStepTests : IDisposable
{
    private const string BackupAnswer = "{\"backup\":{\"id\":\"bk-safety\",\"instance_id\":\"tgt1\",\"name\":\"RdsRecovery-safety-20261201T030000Z\",\"status\":\"BUILDING\",\"type\":\"manual\"}}";
    private const string BackupList = "{\"backups\":[{\"id\":\"bk-safety\",\"instance_id\":\"tgt1\",\"name\":\"RdsRecovery-safety-20261201T030000Z\",\"status\":\"COMPLETED\",\"type\":\"manual\"}],\"total_count\":1}";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rds-safetystep-" + Guid.NewGuid().ToString("N"));
    private readonly RestoreJournal _journal;

    public SafetyBackupStepTests() => _journal = new RestoreJournal(Path.Combine(_folder, "journal.jsonl"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // The backup is taken and completes at once; the instance answer is the test's.
    private static HttpResponseMessage Answer(SeenRequest seen, Func<HttpResponseMessage> instances) =>
        seen.Method == "POST" ? FakeRdsHandler.Json(BackupAnswer)
        : seen.Uri.AbsolutePath.EndsWith("/backups", StringComparison.Ordinal) ? FakeRdsHandler.Json(BackupList)
        : instances();

    private async Task<Exception> TakeAsync(Func<HttpResponseMessage> instances, Func<TimeSpan, CancellationToken, Task>? delay = null,
        CancellationToken cancellationToken = default)
    {
        var (client, _, _) = TestConnections.Client(seen => Answer(seen, instances), retry: RdsRetryPolicy.None);
        var step = new SafetyBackupStep(client, _journal, new ManualBackupWaiter(client, TimeSpan.FromSeconds(1), delay ?? ((_, _) => Task.CompletedTask)));
        var request = RestoreRequest.ForBackup("src1", "tgt1", "bk1");
        var backup = SafetyBackupStep.RequestFor(request, DateTimeOffset.UtcNow);
        return await Record.ExceptionAsync(() => step.TakeAsync(request, backup, "a1", TimeSpan.FromMinutes(10), null, cancellationToken));
    }

    [Fact]
    public async Task A_service_failure_while_waiting_for_the_target_says_nothing_was_restored_and_names_the_kept_backup()
    {
        var thrown = await TakeAsync(() => FakeRdsHandler.Json("{\"error_code\":\"DBS.108000\",\"error_msg\":\"x\"}", HttpStatusCode.InternalServerError));

        var error = Assert.Single(Assert.IsType<RdsValidationException>(thrown).Errors);
        Assert.Equal(RdsErrorIds.SafetyBackupFailed, error.Id);
        Assert.Contains("NOTHING WAS RESTORED", error.Message);
        Assert.Contains("bk-safety is kept, and billed", error.Message);
        Assert.IsType<RdsServiceException>(error.Cause);
        var last = _journal.NewestFirst().First();
        Assert.Equal(RestoreJournalPhase.SafetyBackupFailed, last.Phase);
        Assert.Equal("bk-safety", last.SafetyBackupId);
        Assert.Equal("a1", last.AttemptId);
    }

    [Fact]
    public async Task A_stop_while_waiting_for_the_target_is_journalled_before_it_is_passed_on()
    {
        using var stop = new CancellationTokenSource();
        var thrown = await TakeAsync(() => FakeRdsHandler.Json("{\"instances\":[{\"id\":\"tgt1\",\"name\":\"t\",\"status\":\"BACKING UP\"}],\"total_count\":1}"),
            (_, token) =>
            {
                stop.Cancel();
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            }, stop.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        var last = _journal.NewestFirst().First();
        Assert.Equal(RestoreJournalPhase.SafetyBackupFailed, last.Phase);
        Assert.Equal("bk-safety", last.SafetyBackupId);
        Assert.Contains("target", last.Detail);
    }
}
