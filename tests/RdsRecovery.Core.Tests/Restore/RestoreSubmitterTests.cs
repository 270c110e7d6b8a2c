using System.Net;
using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Restore;

public sealed class RestoreSubmitterTests : IDisposable
{
    private static readonly FixedClock Now = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "submit-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly FakeRdsService _service = new();

    public void Dispose()
    {
        if (File.Exists(_journalPath)) File.Delete(_journalPath);
    }

    private static RestoreRequest Request() => RestoreRequest.ForBackup(FakeRdsService.SourceId, FakeRdsService.TargetId, "bk1");

    [Fact]
    public async Task A_submitted_restore_is_journalled_before_and_after_with_its_job_and_request_id()
    {
        var (client, handler, _) = TestConnections.Client(_service.Respond);
        var journal = new RestoreJournal(_journalPath);

        var job = await new RestoreSubmitter(client, journal).SubmitAsync(Request(), CancellationToken.None);

        Assert.Equal("job-1", job.JobId);
        Assert.Equal(FakeRdsService.TargetId, job.TargetInstanceId);
        Assert.Equal("bk1", job.BackupId);
        var lines = journal.Read();
        Assert.Equal(new[] { RestoreJournalPhase.Sending, RestoreJournalPhase.Submitted }, lines.Select(l => l.Phase));
        Assert.Equal(lines[0].AttemptId, lines[1].AttemptId);
        Assert.Equal("job-1", lines[1].JobId);
        Assert.Equal("req-post", lines[1].RequestId);
        Assert.Equal(Request().ToJson(), lines[1].Body);
        Assert.Equal(Request().ToJson(), System.Text.Encoding.UTF8.GetString(Assert.Single(handler.Requests, r => r.Method == "POST").Body));
    }

    [Fact]
    public async Task A_lost_answer_is_journalled_as_OutcomeUnknown_and_the_POST_is_not_resent()
    {
        _service.RecoveryAnswer = _ => FakeRdsHandler.Json("{\"error_code\":\"DBS.108000\",\"error_msg\":\"Server failure\"}", HttpStatusCode.InternalServerError);
        var (client, handler, _) = TestConnections.Client(_service.Respond);
        var journal = new RestoreJournal(_journalPath);

        await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => new RestoreSubmitter(client, journal).SubmitAsync(Request(), CancellationToken.None));

        Assert.Single(handler.Requests, r => r.Method == "POST");
        Assert.Equal(RestoreJournalPhase.OutcomeUnknown, journal.Read()[^1].Phase);
    }

    [Fact]
    public async Task A_refusal_is_journalled_as_Refused()
    {
        _service.RecoveryAnswer = _ => FakeRdsHandler.Json("{\"error_code\":\"DBS.200040\",\"error_msg\":\"engine not supported\"}", HttpStatusCode.BadRequest);
        var (client, _, _) = TestConnections.Client(_service.Respond);
        var journal = new RestoreJournal(_journalPath);

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => new RestoreSubmitter(client, journal).SubmitAsync(Request(), CancellationToken.None));

        Assert.Equal("DBS.200040", ex.ErrorCode);
        var last = journal.Read()[^1];
        Assert.Equal(RestoreJournalPhase.Refused, last.Phase);
        Assert.Contains("DBS.200040", last.Detail);
    }

    // Issue 9 point 6 replaced "An_unwritable_journal_warns_but_does_not_stop_the_restore", which asserted that a
    // restore was sent that could not be journalled.
    [Fact]
    public async Task An_unwritable_journal_stops_the_restore_before_anything_is_sent()
    {
        var (client, handler, _) = TestConnections.Client(_service.Respond);
        var blocker = Path.Combine(Path.GetTempPath(), "journal-blocker-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "a file where the journal's folder should be");
        try
        {
            var path = Path.Combine(blocker, "journal.jsonl");
            var ex = await Assert.ThrowsAsync<RestoreJournalException>(() => new RestoreSubmitter(client, new RestoreJournal(path)).SubmitAsync(Request(), CancellationToken.None));

            Assert.Equal(path, ex.JournalPath);
            Assert.Contains(path, ex.Message);
            Assert.Contains("RDSRECOVERY_JOURNAL", ex.Message);
            Assert.DoesNotContain(handler.Requests, r => r.Method == "POST");
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task A_journal_that_fails_after_the_post_warns_naming_the_job()
    {
        var warnings = new List<string>();
        var (client, handler, _) = TestConnections.Client(r =>
        {
            // The journal's path turns into a directory while the restore is in flight.
            if (r.Method == "POST") { File.Delete(_journalPath); Directory.CreateDirectory(_journalPath); }
            return _service.Respond(r);
        });
        try
        {
            var job = await new RestoreSubmitter(client, new RestoreJournal(_journalPath), warnings.Add).SubmitAsync(Request(), CancellationToken.None);

            Assert.Single(handler.Requests, r => r.Method == "POST");
            var warning = Assert.Single(warnings);
            Assert.Contains(_journalPath, warning);
            Assert.Contains($"job {job.JobId}", warning);
        }
        finally
        {
            Directory.Delete(_journalPath);
        }
    }

    [Fact]
    public async Task The_journal_never_holds_the_secret_key()
    {
        const string secret = "SK-recognisable-4f1c9b7e";
        var (client, _, _) = TestConnections.Client(_service.Respond, TestConnections.AkSk(sk: secret, securityToken: "TOKEN-recognisable-77aa"));
        var journal = new RestoreJournal(_journalPath);

        await new RestoreSubmitter(client, journal).SubmitAsync(Request(), CancellationToken.None);

        var text = File.ReadAllText(_journalPath);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("TOKEN-recognisable-77aa", text);
    }
}
