using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using RdsRecovery.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Api;

public class RdsRetryTests
{
    private const string JobOk = "{\"job\":{\"id\":\"j1\",\"status\":\"Running\"}}";
    private const string RestoreBody = "{\"source\":{\"instance_id\":\"src\",\"type\":\"backup\",\"backup_id\":\"bk\"},\"target\":{\"instance_id\":\"tgt-in01\"}}";

    private static Func<SeenRequest, HttpResponseMessage> Sequence(params Func<HttpResponseMessage>[] answers)
    {
        var i = 0;
        return _ => answers[Math.Min(Interlocked.Increment(ref i) - 1, answers.Length - 1)]();
    }

    private static HttpResponseMessage Status(HttpStatusCode code, string? errorCode = null) =>
        FakeRdsHandler.Json(errorCode is null ? "{}" : $"{{\"error_code\":\"{errorCode}\",\"error_msg\":\"m\"}}", code);

    private static HttpResponseMessage Refused() => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
    private static HttpResponseMessage Dropped() => throw new HttpRequestException("The response ended prematurely.", new IOException("reset"));

    [Fact]
    public async Task Reads_retry_5xx_with_exponential_jittered_backoff()
    {
        var (client, handler, clock) = TestConnections.Client(Sequence(() => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.InternalServerError), () => FakeRdsHandler.Json(JobOk)));
        var job = await client.GetJobAsync("j1");
        Assert.Equal("j1", job.Id);
        Assert.Equal(3, handler.Requests.Count);
        // Random is fixed at 0.5, so each delay is 75% of 1 s, 2 s.
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1500) }, clock.Delays);
    }

    [Fact]
    public async Task Retry_after_seconds_is_honoured()
    {
        var (client, handler, clock) = TestConnections.Client(Sequence(() =>
        {
            var r = Status(HttpStatusCode.TooManyRequests);
            r.Headers.TryAddWithoutValidation("Retry-After", "7");
            return r;
        }, () => FakeRdsHandler.Json(JobOk)));
        await client.GetJobAsync("j1");
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, clock.Delays);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_http_date_is_honoured()
    {
        var (client, _, clock) = TestConnections.Client(Sequence(() =>
        {
            var r = Status(HttpStatusCode.ServiceUnavailable);
            r.Headers.TryAddWithoutValidation("Retry-After", TestConnections.SigningTime.AddSeconds(12).ToString("r"));
            return r;
        }, () => FakeRdsHandler.Json(JobOk)));
        await client.GetJobAsync("j1");
        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, clock.Delays);
    }

    [Fact]
    public async Task Reads_stop_after_the_attempt_budget()
    {
        var (client, handler, clock) = TestConnections.Client(_ => Status(HttpStatusCode.InternalServerError, "DBS.108000"));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        Assert.Equal(RdsErrorKind.ServerError, ex.Kind);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, clock.Delays.Count);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_time_budget_is_not_waited_for()
    {
        var (client, handler, clock) = TestConnections.Client(_ =>
        {
            var r = Status(HttpStatusCode.TooManyRequests);
            r.Headers.TryAddWithoutValidation("Retry-After", "40");
            return r;
        });
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        Assert.Equal(RdsErrorKind.Throttled, ex.Kind);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task Total_delay_stays_within_max_elapsed()
    {
        var policy = new RdsRetryPolicy { MaxAttempts = 10, BaseDelay = TimeSpan.FromSeconds(4), MaxDelay = TimeSpan.FromSeconds(16), MaxElapsed = TimeSpan.FromSeconds(20) };
        var (client, handler, clock) = TestConnections.Client(_ => Status(HttpStatusCode.BadGateway), retry: policy);
        await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        // 3 s + 6 s fit in 20 s; the next (12 s) would not.
        Assert.Equal(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6) }, clock.Delays);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Reads_retry_connection_failures()
    {
        var (client, handler, _) = TestConnections.Client(Sequence(Dropped, () => FakeRdsHandler.Json(JobOk)));
        await client.GetJobAsync("j1");
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var (client, handler, _) = TestConnections.Client(_ => Status(HttpStatusCode.BadRequest, "DBS.200001"));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        Assert.Equal(RdsErrorKind.InvalidArgument, ex.Kind);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Transport_failure_after_all_attempts_is_a_transport_error()
    {
        var (client, handler, _) = TestConnections.Client(_ => Dropped());
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        Assert.Equal(RdsErrorKind.Transport, ex.Kind);
        Assert.Null(ex.HttpStatus);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Restore_is_never_resent_after_a_5xx(int status)
    {
        var (client, handler, _) = TestConnections.Client(_ => Status((HttpStatusCode)status));
        var ex = await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Single(handler.Requests);
        Assert.Equal(RdsErrorIds.RestoreOutcomeUnknown, ex.ErrorId);
        // Not ResourceUnavailable: a retry wrapper reading that as transient would resend a restore that may run.
        Assert.Equal(RdsErrorCategory.InvalidResult, ex.Error.Category);
        Assert.Equal("tgt-in01", ex.TargetInstanceId);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Contains("may exist", ex.Message);
        Assert.Contains("Get-RdsInstance -InstanceId tgt-in01", ex.Message);
        Assert.Contains("RESTORING", ex.Message);
        Assert.IsType<RdsServiceException>(ex.InnerException);
    }

    [Fact]
    public async Task Restore_is_never_resent_after_a_dropped_connection()
    {
        var (client, handler, _) = TestConnections.Client(_ => Dropped());
        await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Restore_is_never_resent_after_a_timeout()
    {
        var handler = new FakeRdsHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeRdsHandler.Json("{}");
        });
        var clock = new FakeClock(TestConnections.SigningTime);
        using var client = TestConnections.Create(handler, clock, timeout: TimeSpan.FromMilliseconds(50));
        var ex = await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Single(handler.Requests);
        Assert.Equal(RdsErrorKind.Timeout, Assert.IsType<RdsServiceException>(ex.InnerException).Kind);
        Assert.Equal(RdsErrorCategory.InvalidResult, ex.Error.Category);
    }

    [Fact]
    public async Task Restore_without_job_id_in_a_2xx_is_an_unknown_outcome()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job\":null}"));
        await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Restore_is_resent_after_429()
    {
        var (client, handler, _) = TestConnections.Client(Sequence(() => Status(HttpStatusCode.TooManyRequests), () => FakeRdsHandler.Json("{\"job_id\":\"j9\"}")));
        var s = await client.SubmitRestoreAsync(RestoreBody);
        Assert.Equal("j9", s.JobId);
        Assert.Equal(2, s.Attempts);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    // Issue 9 point 1: these two tests replaced "Restore_is_resent_after_a_documented_busy_code" and
    // "Restore_that_stays_busy_ends_with_the_busy_error" (4 POSTs), which asserted the defect.
    [Theory]
    [InlineData(409, "DBS.201202")]
    [InlineData(400, "DBS.200011")]
    [InlineData(403, "DBS.212033")]
    [InlineData(409, "DBS.200047")]
    [InlineData(409, null)]
    public async Task Restore_refused_as_busy_is_not_sent_again(int status, string? code)
    {
        var (client, handler, _) = TestConnections.Client(Sequence(() => Status((HttpStatusCode)status, code), () => FakeRdsHandler.Json("{\"job_id\":\"j9\"}")));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Equal(RdsErrorKind.Busy, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsResourceBusy, ex.ErrorId);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Busy_refusal_names_the_target_and_what_to_check()
    {
        var (client, _, _) = TestConnections.Client(_ => Status(HttpStatusCode.Conflict, "DBS.200011"));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(RestoreBody));
        var target = System.Text.Json.JsonDocument.Parse(RestoreBody).RootElement.GetProperty("target").GetProperty("instance_id").GetString()!;
        Assert.Contains($"target instance {target} is busy", ex.Message);
        Assert.Contains("NOT sent again", ex.Message);
        Assert.Contains($"Get-RdsInstance -InstanceId {target}", ex.Message);
    }

    [Fact]
    public async Task Restore_throttled_with_a_retry_after_beyond_the_budget_is_not_sent_again()
    {
        var (client, handler, clock) = TestConnections.Client(_ =>
        {
            var r = Status(HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120));
            return r;
        });
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Equal(RdsErrorIds.RdsThrottled, ex.ErrorId);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task Restore_is_resent_when_the_connection_was_refused_before_sending()
    {
        var (client, handler, _) = TestConnections.Client(Sequence(Refused, () => FakeRdsHandler.Json("{\"job_id\":\"j9\"}")));
        Assert.Equal("j9", (await client.SubmitRestoreAsync(RestoreBody)).JobId);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Restore_refused_every_time_is_a_plain_transport_error_not_an_unknown_outcome()
    {
        var (client, _, _) = TestConnections.Client(_ => Refused());
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Equal(RdsErrorKind.Transport, ex.Kind);
    }

    [Fact]
    public async Task Restore_rejected_as_invalid_is_not_resent()
    {
        var (client, handler, _) = TestConnections.Client(_ => Status(HttpStatusCode.BadRequest, "DBS.201035"));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(RestoreBody));
        Assert.Equal(RdsErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("DBS.201035", ex.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_an_error()
    {
        var handler = new FakeRdsHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeRdsHandler.Json("{}");
        });
        using var client = TestConnections.Create(handler, new FakeClock(TestConnections.SigningTime));
        using var cts = new CancellationTokenSource();
        var task = client.GetJobAsync("j1", cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void Default_policy_is_bounded()
    {
        var p = RdsRetryPolicy.Default;
        Assert.Equal(4, p.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), p.MaxElapsed);
        Assert.Equal(TimeSpan.FromSeconds(8), p.DelayBefore(10, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(0.5), p.DelayBefore(2, 0));
    }
}
