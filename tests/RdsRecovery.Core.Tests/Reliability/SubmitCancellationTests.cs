using System.Net.Http;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Reliability;

/// <summary>A restore POST cancelled in flight leaves a journal that says its outcome is unknown, never a bare Sending line.</summary>
public sealed class SubmitCancellationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rds-submit-cancel-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task A_post_cancelled_in_flight_is_journalled_as_outcome_unknown_and_sent_once()
    {
        var posted = new TaskCompletionSource();
        var handler = new FakeRdsHandler(async (request, ct) =>
        {
            posted.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage();
        });
        using var client = TestConnections.Create(handler, new FakeClock(TestConnections.SigningTime));
        Assert.True(RestoreRequest.TryCreate("src-1", "tgt-1", "bk-1", null, null, SystemClock.Instance, out var request, out _));
        var journal = new RestoreJournal(_path);
        using var stop = new CancellationTokenSource();

        var submitting = new RestoreSubmitter(client, journal).SubmitAsync(request!, stop.Token);
        await posted.Task;
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submitting);
        Assert.Equal(new[] { RestoreJournalPhase.Sending, RestoreJournalPhase.OutcomeUnknown }, journal.Read().Select(e => e.Phase));
        Assert.Single(journal.Read().Select(e => e.AttemptId).Distinct());
        Assert.Single(handler.Requests, r => r.Method == "POST");
    }
}
