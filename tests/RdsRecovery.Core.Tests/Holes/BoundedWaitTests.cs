using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Core.Tests.Jobs;
using RdsRecovery.Jobs;
using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>Issue 9 point 5 and issue 10 point 9: a wait ends when the user said, and an unknown job is unknown at once.</summary>
public class BoundedWaitTests
{
    [Fact]
    public async Task The_timeout_bounds_a_poll_in_flight()
    {
        // The job query never answers, and the request's own timeout (10 min) is far beyond the wait's (1 s).
        var handler = new FakeRdsHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestConnections.AkSk().CreateClient(new RdsClientOptions
        {
            Handler = handler, RequestTimeout = TimeSpan.FromMinutes(10), Retry = RdsRetryPolicy.None,
        });
        var waiter = new RdsJobWaiter(client, new RdsJobWaitOptions { Timeout = TimeSpan.FromSeconds(1) });

        var wait = waiter.WaitAsync(new[] { new RdsRestoreJob { JobId = "j1", TargetInstanceId = "tgt" } });
        // Not a timing goal: a liveness guard, far beyond the 1 s asked for and far below the 10 min request timeout.
        var first = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(wait, first);
        var result = Assert.Single(await wait);
        Assert.Equal(RdsJobWaitOutcome.TimedOut, result.Outcome);
        Assert.Contains("Get-RdsRestoreJob -JobId 'j1'", result.Error!.Message);
    }

    [Fact]
    public async Task A_timeout_too_large_for_the_clock_means_no_deadline()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 15 };
        using var client = svc.Client();
        var waiter = new RdsJobWaiter(client, new RdsJobWaitOptions { Clock = () => svc.Clock.Now, Delay = svc.Clock.Delay, Timeout = TimeSpan.MaxValue });

        var result = Assert.Single(await waiter.WaitAsync(new[] { new RdsRestoreJob { JobId = "j1", TargetInstanceId = "tgt" } }));

        Assert.Equal(RdsJobWaitOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task A_job_this_machine_did_not_submit_gets_no_grace_for_being_invisible()
    {
        var svc = new FakeJobService();
        using var client = svc.Client();
        var waiter = new RdsJobWaiter(client, new RdsJobWaitOptions { Clock = () => svc.Clock.Now, Delay = svc.Clock.Delay });

        var result = Assert.Single(await waiter.WaitAsync(new[] { new RdsRestoreJob { JobId = "nobody-knows" } }));

        Assert.Equal(RdsJobWaitOutcome.NotFound, result.Outcome);
        Assert.Equal(1, svc.JobPolls("nobody-knows"));
        Assert.Contains("no record of submitting it", result.Error!.Message);
        Assert.Empty(svc.Clock.Delays);
    }
}
