using System.Net;
using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Jobs;
using RdsRecovery.Model;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Jobs;

public class RdsJobWaiterTests
{
    private static RdsJobWaiter Waiter(FakeJobService svc, RdsClient client, Action<RdsJobWaitOptions>? tune = null)
    {
        var options = new RdsJobWaitOptions { Clock = () => svc.Clock.Now, Delay = svc.Clock.Delay };
        tune?.Invoke(options);
        return new RdsJobWaiter(client, options);
    }

    private static RdsRestoreJob Job(string id, string target = "tgt", DateTimeOffset? submitted = null) =>
        new() { JobId = id, SourceInstanceId = "src", TargetInstanceId = target, SubmittedAt = submitted };

    [Fact]
    public async Task One_job_is_polled_on_its_back_off_schedule_until_completed_and_target_active()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { VisibleAt = 5, EndsAt = 40, TargetActiveAt = 45 };
        using var client = svc.Client();
        var reports = new List<RdsJobProgress>();
        var results = await Waiter(svc, client).WaitAsync(new[] { Job("j1", submitted: FakeJobService.Start) }, reports.Add);

        // Polls at 0 s (not visible), 10 s, 25 s (running), 47.5 s (completed) and then the target once (ACTIVE).
        Assert.Equal(4, svc.JobPolls("j1"));
        Assert.Equal(1, svc.TargetPolls("tgt"));
        Assert.Equal(new[] { 10.0, 15.0, 22.5 }, svc.Clock.Delays.Select(d => d.TotalSeconds));
        var r = Assert.Single(results);
        Assert.Equal(RdsJobWaitOutcome.Completed, r.Outcome);
        Assert.True(r.Succeeded);
        Assert.Null(r.Error);
        Assert.Equal(RdsJobStatus.Completed, r.Job.Status);
        Assert.Equal("ACTIVE", r.Job.TargetStatus);
        Assert.Equal("tgt-name", r.Job.TargetInstanceName);
        Assert.Equal(new[] { RdsJobStatus.Submitted, RdsJobStatus.Running, RdsJobStatus.Running, RdsJobStatus.Completed }, reports.Select(p => p.Status));
        Assert.Equal(new[] { false, false, false, true }, reports.Select(p => p.IsFinal));
        Assert.Equal(new[] { 0.0, 10, 25, 47.5 }, reports.Select(p => p.Elapsed.TotalSeconds));
        Assert.All(reports, p => Assert.Null(p.ServicePercent));
    }

    [Fact]
    public async Task Jobs_restoring_into_one_target_share_one_look_up_of_it_per_round()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 0, Target = "shared", TargetActiveAt = 20 };
        svc.Jobs["j2"] = new FakeJobService.Script { EndsAt = 0, Target = "shared", TargetActiveAt = 20 };
        svc.Jobs["j3"] = new FakeJobService.Script { EndsAt = 0, Target = "own", TargetActiveAt = 20 };
        using var client = svc.Client();

        var results = await Waiter(svc, client).WaitAsync(new[] { Job("j1", "shared"), Job("j2", "shared"), Job("j3", "own") });

        // Rounds at 0, 10 and 25 s: the shared target is asked once a round, as often as the one with a single job.
        Assert.Equal(3, svc.TargetPolls("own"));
        Assert.Equal(3, svc.TargetPolls("shared"));
        Assert.All(results, r => Assert.Equal(RdsJobWaitOutcome.Completed, r.Outcome));
        Assert.All(results, r => Assert.Equal("ACTIVE", r.Job.TargetStatus));
    }

    [Fact]
    public async Task Target_still_restoring_is_polled_until_active_and_reported()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 0, TargetActiveAt = 20 };
        using var client = svc.Client();
        var reports = new List<RdsJobProgress>();
        var results = await Waiter(svc, client).WaitAsync(new[] { Job("j1") }, reports.Add);
        // Job completed at the first poll; the target is RESTORING at 0 and 10 s, ACTIVE at 25 s. The job is not asked again.
        Assert.Equal(1, svc.JobPolls("j1"));
        Assert.Equal(3, svc.TargetPolls("tgt"));
        Assert.Equal(new[] { "RESTORING", "RESTORING", "ACTIVE" }, reports.Select(p => p.TargetStatus));
        Assert.Equal(RdsJobWaitOutcome.Completed, results[0].Outcome);
    }

    [Fact]
    public async Task Service_progress_is_passed_on_not_invented()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 15, Process = "60%" };
        using var client = svc.Client();
        var reports = new List<RdsJobProgress>();
        await Waiter(svc, client).WaitAsync(new[] { Job("j1") }, reports.Add);
        Assert.Equal("60%", reports[0].ServiceProgress);
        Assert.Equal(60, reports[0].ServicePercent);
        Assert.Null(reports[^1].ServicePercent);
    }

    [Fact]
    public async Task Hundreds_of_jobs_are_polled_with_bounded_concurrency_and_exactly_the_scheduled_requests()
    {
        var svc = new FakeJobService();
        var jobs = new List<RdsRestoreJob>();
        for (var i = 0; i < 300; i++)
        {
            svc.Jobs[$"j{i}"] = new FakeJobService.Script { EndsAt = 15, Target = $"t{i}", TargetActiveAt = 0 };
            jobs.Add(Job($"j{i}", $"t{i}"));
        }
        using var client = svc.Client();
        var results = await Waiter(svc, client, o => o.MaxConcurrency = 4).WaitAsync(jobs);
        // Each job: polls at 0, 10 (running) and 25 s (completed), then one target query.
        Assert.Equal(300 * 4, svc.Handler.Requests.Count);
        Assert.InRange(svc.MaxInFlight, 1, 4);
        Assert.All(results, r => Assert.Equal(RdsJobWaitOutcome.Completed, r.Outcome));
        Assert.Equal(jobs.Select(j => j.JobId), results.Select(r => r.Job.JobId));
        Assert.Equal(new[] { 10.0, 15.0 }, svc.Clock.Delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Failed_job_carries_its_fail_reason_and_the_target_is_not_queried()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 5, EndStatus = "Failed", FailReason = "Insufficient disk space on target" };
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("j1") }))[0];
        Assert.Equal(RdsJobWaitOutcome.Failed, r.Outcome);
        Assert.Equal((RdsErrorIds.RestoreJobFailed, RdsErrorCategory.InvalidResult), (r.Error!.Id, r.Error.Category));
        Assert.Equal("Insufficient disk space on target", r.Job.FailReason);
        Assert.Contains("Insufficient disk space on target", r.Error!.Message);
        Assert.Contains("tgt", r.Error!.Message);
        Assert.Equal(0, svc.TargetPolls("tgt"));
    }

    [Fact]
    public async Task Target_failed_after_completion_is_reported()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 0, TargetActiveAt = 0, TargetEndStatus = "FAILED" };
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("j1") }))[0];
        Assert.Equal(RdsJobWaitOutcome.TargetFailed, r.Outcome);
        Assert.Equal((RdsErrorIds.RestoreTargetInstanceFailed, RdsErrorCategory.InvalidResult), (r.Error!.Id, r.Error.Category));
        Assert.Equal("FAILED", r.Job.TargetStatus);
    }

    [Fact]
    public async Task A_job_never_visible_is_not_found_after_the_grace_period()
    {
        var svc = new FakeJobService();
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("ghost", submitted: FakeJobService.Start) }))[0];
        // Not visible at 0, 10, 25, 47.5 s (within 60 s of submission); at 81.25 s it is given up.
        Assert.Equal(5, svc.JobPolls("ghost"));
        Assert.Equal(RdsJobWaitOutcome.NotFound, r.Outcome);
        Assert.Equal((RdsErrorIds.RestoreJobNotFound, RdsErrorCategory.ObjectNotFound), (r.Error!.Id, r.Error.Category));
        Assert.Contains("DBS.200543", r.Error!.Message);
    }

    [Fact]
    public async Task A_job_submitted_long_ago_and_unknown_is_not_found_at_once()
    {
        var svc = new FakeJobService();
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("old", submitted: FakeJobService.Start.AddDays(-2)) }))[0];
        Assert.Equal(1, svc.JobPolls("old"));
        Assert.Equal(RdsJobWaitOutcome.NotFound, r.Outcome);
    }

    [Fact]
    public async Task Timeout_stops_waiting_and_says_how_to_resume()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = null };
        using var client = svc.Client();
        var reports = new List<RdsJobProgress>();
        var r = (await Waiter(svc, client, o => o.Timeout = TimeSpan.FromSeconds(60)).WaitAsync(new[] { Job("j1") }, reports.Add))[0];
        Assert.Equal(4, svc.JobPolls("j1"));
        Assert.Equal(TimeSpan.FromSeconds(60), svc.Clock.Now - FakeJobService.Start);
        Assert.Equal(RdsJobWaitOutcome.TimedOut, r.Outcome);
        Assert.Equal((RdsErrorIds.RestoreJobWaitTimeout, RdsErrorCategory.OperationTimeout), (r.Error!.Id, r.Error.Category));
        Assert.Contains("Get-RdsRestoreJob -JobId 'j1' | Wait-RdsRestoreJob", r.Error!.Message);
        Assert.Contains("goes on", r.Error!.Message);
        Assert.True(reports[^1].IsFinal);
        Assert.Equal(RdsJobWaitOutcome.TimedOut, reports[^1].Outcome);
    }

    [Fact]
    public async Task Poll_interval_grows_to_the_maximum_and_stays_there()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 200 };
        using var client = svc.Client();
        await Waiter(svc, client, o => { o.PollInterval = TimeSpan.FromSeconds(20); o.MaxPollInterval = TimeSpan.FromSeconds(40); o.BackoffFactor = 2; })
            .WaitAsync(new[] { Job("j1") });
        // 0, 20, 60, 100, 140, 180, 220 s.
        Assert.Equal(new[] { 20.0, 40, 40, 40, 40, 40 }, svc.Clock.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(7, svc.JobPolls("j1"));
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_and_sends_nothing_more()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = null };
        using var client = svc.Client();
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Waiter(svc, client).WaitAsync(new[] { Job("j1") }, _ => cts.Cancel(), cts.Token));
        Assert.Equal(1, svc.JobPolls("j1"));
        Assert.Contains("Get-RdsRestoreJob -JobId 'j1','j2' | Wait-RdsRestoreJob", RdsJobWaiter.ResumeHint(new[] { "j1", "j2", "j1" }));
    }

    [Fact]
    public async Task Authentication_failure_ends_the_wait_for_that_job_at_once()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = null };
        svc.Override = _ => FakeRdsHandler.Json("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"signature\"}", HttpStatusCode.Unauthorized);
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("j1") }))[0];
        Assert.Equal(RdsJobWaitOutcome.PollFailed, r.Outcome);
        Assert.Equal((RdsErrorIds.RestoreJobPollFailed, RdsErrorCategory.ConnectionError), (r.Error!.Id, r.Error.Category));
        Assert.IsType<RdsServiceException>(r.Error!.Cause);
        Assert.Equal(1, svc.JobPolls("j1"));
    }

    [Fact]
    public async Task Transient_failures_are_tolerated_up_to_the_limit()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 30 };
        var calls = 0;
        svc.Override = _ => Interlocked.Increment(ref calls) <= 2 ? FakeRdsHandler.Json("{}", HttpStatusCode.ServiceUnavailable) : null;
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { Job("j1") }))[0];
        Assert.Equal(RdsJobWaitOutcome.Completed, r.Outcome);

        var svc2 = new FakeJobService();
        svc2.Jobs["j1"] = new FakeJobService.Script { EndsAt = 30 };
        svc2.Override = _ => FakeRdsHandler.Json("{}", HttpStatusCode.ServiceUnavailable);
        using var client2 = svc2.Client();
        var r2 = (await Waiter(svc2, client2).WaitAsync(new[] { Job("j1") }))[0];
        Assert.Equal(RdsJobWaitOutcome.PollFailed, r2.Outcome);
        Assert.Equal(3, svc2.JobPolls("j1"));
    }

    [Fact]
    public async Task Duplicate_jobs_are_waited_for_once()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 0 };
        using var client = svc.Client();
        var results = await Waiter(svc, client).WaitAsync(new[] { Job("j1"), Job("j1") });
        Assert.Single(results);
        Assert.Equal(1, svc.JobPolls("j1"));
    }

    [Fact]
    public async Task Job_without_a_known_target_learns_it_from_the_service()
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script { EndsAt = 0, Target = "learned" };
        using var client = svc.Client();
        var r = (await Waiter(svc, client).WaitAsync(new[] { new RdsRestoreJob { JobId = "j1" } }))[0];
        Assert.Equal("learned", r.Job.TargetInstanceId);
        Assert.Equal(1, svc.TargetPolls("learned"));
        Assert.Equal(RdsJobWaitOutcome.Completed, r.Outcome);
    }

    [Fact]
    public async Task Jobs_need_ids()
    {
        var svc = new FakeJobService();
        using var client = svc.Client();
        await Assert.ThrowsAsync<ArgumentException>(() => Waiter(svc, client).WaitAsync(new[] { new RdsRestoreJob() }));
        Assert.Empty(svc.Handler.Requests);
    }
}
