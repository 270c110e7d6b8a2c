using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;
using RdsRecovery.Jobs;
using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests.Jobs;

/// <summary>A job answer of the wrong shape stops the wait with an error naming the field, long before the wait's timeout.</summary>
public sealed class WrongJobAnswerTests
{
    [Theory]
    [InlineData("\"status\":[\"Running\"]", "job.status")]
    [InlineData("\"status\":\"Queued\"", "job.status")]
    [InlineData("\"status\":\"Running\",\"process\":60", "job.process")]
    public async Task A_waiter_reports_a_poll_failure_naming_the_field_instead_of_polling_an_unknown_status(string fields, string field)
    {
        var svc = new FakeJobService();
        svc.Jobs["j1"] = new FakeJobService.Script();
        svc.Override = r => r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal)
            ? FakeRdsHandler.Json("{\"job\":{\"id\":\"j1\"," + fields + "}}", requestId: "req-job-shape")
            : null;
        using var client = svc.Client();
        var options = new RdsJobWaitOptions { Clock = () => svc.Clock.Now, Delay = svc.Clock.Delay, Timeout = TimeSpan.FromHours(2) };

        var result = Assert.Single(await new RdsJobWaiter(client, options).WaitAsync(new[] { new RdsRestoreJob { JobId = "j1", TargetInstanceId = "tgt" } }));

        Assert.Equal(RdsJobWaitOutcome.PollFailed, result.Outcome);
        Assert.Equal(RdsErrorIds.RestoreJobPollFailed, result.Error!.Id);
        var error = Assert.IsType<RdsServiceException>(result.Error!.Cause);
        Assert.Equal(RdsErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("'" + field + "'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("req-job-shape", result.Error!.Message, StringComparison.Ordinal);
        Assert.True(svc.JobPolls("j1") <= options.MaxConsecutiveErrors, $"{svc.JobPolls("j1")} polls");
    }
}
