using System.Net;
using System.Text;
using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests.Api;

public class RdsClientRequestTests
{
    private const string DerivedBody = "{\"source\":{\"instance_id\":\"src\",\"type\":\"backup\",\"backup_id\":\"bk\"},\"target\":{\"instance_id\":\"tgt\"}}";

    [Fact]
    public async Task Restore_post_is_signed_exactly_like_the_derived_example_and_sent_without_trailing_slash()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job_id\":\"ff80808157127d9301571bf8160c001d\"}", HttpStatusCode.Accepted, "rq-42"));
        var submission = await client.SubmitRestoreAsync(DerivedBody);

        var r = Assert.Single(handler.Requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal("https://rds.ap-southeast-1.myhuaweicloud.com/v3/0483b6b16e954cb88930a360d2c4e663/instances/recovery", r.Uri.AbsoluteUri);
        Assert.Equal(DerivedBody, Encoding.UTF8.GetString(r.Body));
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, "
            + "Signature=31055e10f16320e6897d69f51edcf532aaa4530fc0f29b1e9d867d63dd84de03", r.Header("Authorization"));
        Assert.Equal("application/json", r.Header("Content-Type"));
        Assert.Equal("20191115T033655Z", r.Header("X-Sdk-Date"));
        Assert.Equal(TestConnections.ProjectId, r.Header("X-Project-Id"));
        Assert.StartsWith("RdsRecovery/", r.Header("User-Agent"));
        Assert.Equal("ff80808157127d9301571bf8160c001d", submission.JobId);
        Assert.Equal("rq-42", submission.RequestId);
        Assert.Equal(202, submission.HttpStatus);
        Assert.Equal(1, submission.Attempts);
    }

    [Fact]
    public async Task Restore_can_use_the_v31_path()
    {
        var handler = new FakeRdsHandler(_ => FakeRdsHandler.Json("{\"job_id\":\"j\"}"));
        using var client = TestConnections.AkSk().CreateClient(new RdsClientOptions { Handler = handler, RestoreApiVersion = RdsRestoreApiVersion.V31 });
        await client.SubmitRestoreAsync(DerivedBody);
        Assert.Equal("/v3.1/0483b6b16e954cb88930a360d2c4e663/instances/recovery", handler.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Restore_body_bytes_are_sent_untouched()
    {
        var body = Encoding.UTF8.GetBytes("{ \"source\" : {\"instance_id\":\"s\"},\n\"target\":{\"instance_id\":\"t\"} }");
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job_id\":\"j\"}"));
        await client.SubmitRestoreAsync(body);
        Assert.Equal(body, handler.Requests[0].Body);
    }

    [Fact]
    public async Task Security_token_is_sent_and_signed()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job\":{\"id\":\"j\",\"status\":\"Running\"}}"),
            TestConnections.AkSk(securityToken: "temp-token-value"));
        await client.GetJobAsync("j");
        var r = handler.Requests[0];
        Assert.Equal("temp-token-value", r.Header("X-Security-Token"));
        Assert.Contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,", r.Header("Authorization"));
    }

    [Fact]
    public async Task Iam_token_goes_in_x_auth_token_without_signature()
    {
        var conn = new RdsConnection("eu-de", "p1", new Uri("https://rds.eu-de.otc.t-systems.com"), RdsCredentials.FromToken("iam-token-value"));
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"instances\":[],\"total_count\":0}"), conn);
        await client.ListInstancesAsync();
        var r = handler.Requests[0];
        Assert.Equal("iam-token-value", r.Header("X-Auth-Token"));
        Assert.Null(r.Header("Authorization"));
        Assert.Equal("p1", r.Header("X-Project-Id"));
        Assert.Equal("https://rds.eu-de.otc.t-systems.com/v3/p1/instances?offset=0&limit=100", r.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Endpoint_with_port_and_base_path_is_kept_and_signed_with_port()
    {
        var conn = TestConnections.AkSk(endpoint: "http://127.0.0.1:5080/rds/");
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job\":{\"id\":\"j\",\"status\":\"Running\"}}"), conn);
        await client.GetJobAsync("j");
        var r = handler.Requests[0];
        Assert.Equal("http://127.0.0.1:5080/rds/v3/0483b6b16e954cb88930a360d2c4e663/jobs?id=j", r.Uri.AbsoluteUri);
        var expected = SdkHmacSha256Signer.Sign("GET", r.Uri,
            new[] { new KeyValuePair<string, string>("X-Sdk-Date", "20191115T033655Z"), new("X-Project-Id", TestConnections.ProjectId), new("Host", "127.0.0.1:5080") },
            new[] { "host", "x-project-id" }, null, "AccessKey", "SecretKey");
        Assert.Equal(expected, r.Header("Authorization"));
    }

    [Fact]
    public async Task Instance_filters_are_sent_as_the_api_names_them_with_percent_encoding()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"instances\":[],\"total_count\":0}"));
        await client.ListInstancesAsync(new RdsInstanceFilter { Id = "i1", Name = "*prod db", Engine = "MySQL" });
        var r = handler.Requests[0];
        Assert.Contains("name=%2Aprod%20db", r.Uri.AbsoluteUri);
        Assert.Equal("*prod db", r.Query("name"));
        Assert.Equal("i1", r.Query("id"));
        Assert.Equal("MySQL", r.Query("datastore_type"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ListInstancesAsync(new RdsInstanceFilter { Name = "*" }));
    }

    [Fact]
    public async Task Backup_filters_send_utc_times_with_plus0000_and_require_both_ends()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"backups\":[],\"total_count\":0}"));
        await client.ListBackupsAsync(new RdsBackupFilter("i1")
        {
            BackupId = "b1", BackupType = "auto",
            BeginTime = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)),
            EndTime = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero),
        });
        var r = handler.Requests[0];
        Assert.Equal("i1", r.Query("instance_id"));
        Assert.Equal("b1", r.Query("backup_id"));
        Assert.Equal("auto", r.Query("backup_type"));
        Assert.Equal("2024-01-01T00:00:00+0000", r.Query("begin_time"));
        Assert.Equal("2024-01-02T00:00:00+0000", r.Query("end_time"));
        Assert.Contains("begin_time=2024-01-01T00%3A00%3A00%2B0000", r.Uri.AbsoluteUri);
        await Assert.ThrowsAsync<ArgumentException>(() => client.ListBackupsAsync(new RdsBackupFilter("i1") { BeginTime = DateTimeOffset.UtcNow }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ListBackupsAsync(new RdsBackupFilter("")));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Restore_window_date_is_the_utc_date_and_ms_become_utc_offsets()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"restore_time\":[{\"start_time\":1532001446987,\"end_time\":1532742139000}]}"));
        var windows = await client.ListRestoreWindowsAsync("i1", new DateTimeOffset(2018, 7, 20, 1, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal("2018-07-19", handler.Requests[0].Query("date"));
        Assert.EndsWith("/instances/i1/restore-time?date=2018-07-19", handler.Requests[0].Uri.AbsoluteUri);
        var w = Assert.Single(windows);
        Assert.Equal("i1", w.InstanceId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1532001446987), w.Start);
        Assert.Equal(TimeSpan.Zero, w.Start.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1532742139000), w.End);
    }

    [Fact]
    public async Task Restore_window_without_date_sends_no_query()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"restore_time\":[]}"));
        Assert.Empty(await client.ListRestoreWindowsAsync("i1"));
        Assert.Equal("", handler.Requests[0].Uri.Query);
    }

    [Fact]
    public async Task Job_is_mapped_with_lenient_status_progress_times_and_instance()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"job\":{\"id\":\"j1\",\"name\":\"RestoreToExistingInstance\",\"status\":\"Complete\",\"created\":\"2018-08-06T10:41:14+0000\","
            + "\"ended\":\"2018-08-06T18:51:14+0800\",\"process\":\"\",\"instance\":{\"id\":\"tgt\",\"name\":\"target-db\"},\"entities\":{}}}"));
        var job = await client.GetJobAsync("j1");
        Assert.Equal("j1", handler.Requests[0].Query("id"));
        Assert.Equal(RdsJobStatus.Completed, job.Status);
        Assert.Equal("Complete", job.RawStatus);
        Assert.Null(job.Progress);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 10, 41, 14, TimeSpan.Zero), job.Created);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 10, 51, 14, TimeSpan.Zero), job.Ended);
        var restoreJob = job.ToRestoreJob();
        Assert.Equal("tgt", restoreJob.TargetInstanceId);
        Assert.Equal("target-db", restoreJob.TargetInstanceName);
        Assert.Equal(TimeSpan.FromMinutes(10), restoreJob.Duration);
    }

    [Theory]
    [InlineData("Running", RdsJobStatus.Running)]
    [InlineData("running", RdsJobStatus.Running)]
    [InlineData("Completed", RdsJobStatus.Completed)]
    [InlineData("COMPLETE", RdsJobStatus.Completed)]
    [InlineData("Failed", RdsJobStatus.Failed)]
    [InlineData("Pending", RdsJobStatus.Unknown)]
    [InlineData(null, RdsJobStatus.Unknown)]
    public void Job_status_is_matched_leniently(string? text, RdsJobStatus expected) => Assert.Equal(expected, RdsJobInfo.ParseStatus(text));

    [Fact]
    public async Task Failed_job_keeps_progress_and_fail_reason()
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"job\":{\"id\":\"j1\",\"status\":\"Failed\",\"process\":\"60%\",\"fail_reason\":\"disk too small\"}}"));
        var job = await client.GetJobAsync("j1");
        Assert.Equal(RdsJobStatus.Failed, job.Status);
        Assert.Equal("60%", job.Progress);
        Assert.Equal("disk too small", job.FailReason);
    }
}
