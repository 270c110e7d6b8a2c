using RdsRecovery.Api;

namespace RdsRecovery.Core.Tests.Api;

public class RdsCallbackPumpTests
{
    [Fact]
    public void Callbacks_run_on_the_calling_thread_in_order_and_the_result_comes_back()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(string, int)>();
        var pump = new RdsCallbackPump(m => seen.Add(("V " + m, Environment.CurrentManagedThreadId)), m => seen.Add(("D " + m, Environment.CurrentManagedThreadId)));
        var result = pump.Run(async ct =>
        {
            await Task.Yield();
            pump.Verbose("one");
            await Task.Delay(1, ct);
            pump.Debug("two");
            pump.Post(() => seen.Add(("P three", Environment.CurrentManagedThreadId)));
            return 42;
        });
        Assert.Equal(42, result);
        Assert.Equal(new[] { "V one", "D two", "P three" }, seen.Select(s => s.Item1));
        Assert.All(seen, s => Assert.Equal(caller, s.Item2));
    }

    [Fact]
    public void The_work_exception_is_rethrown_unwrapped()
    {
        var pump = new RdsCallbackPump(_ => { }, _ => { });
        Assert.Throws<InvalidOperationException>(() => pump.Run<int>(async _ => { await Task.Yield(); throw new InvalidOperationException("x"); }));
    }

    [Fact]
    public void A_throwing_callback_stops_the_caller()
    {
        var pump = new RdsCallbackPump(_ => throw new OperationCanceledException("pipeline stopped"), _ => { });
        Assert.Throws<OperationCanceledException>(() => pump.Run(async token => { pump.Verbose("x"); await Task.Delay(50, token); }));
    }

    [Fact]
    public void Submission_becomes_a_submitted_restore_job_in_utc()
    {
        var s = new RdsRestoreSubmission { JobId = "j1", RequestId = "r1", HttpStatus = 202, SubmittedAt = TestConnections.SigningTime };
        var job = s.ToRestoreJob("src", "tgt", null, new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal("j1", job.JobId);
        Assert.Equal("src", job.SourceInstanceId);
        Assert.Equal("tgt", job.TargetInstanceId);
        Assert.Equal(RdsRecovery.Model.RdsJobStatus.Submitted, job.Status);
        Assert.Equal(TimeSpan.Zero, job.RestoreTime!.Value.Offset);
        Assert.Equal(0, job.RestoreTime.Value.Hour);
        Assert.Equal("r1", job.RequestId);
        Assert.Equal(TestConnections.SigningTime, job.SubmittedAt);
    }
}
