using System.Globalization;
using System.Net;
using System.Net.Http;
using RdsRecovery.Api;

namespace RdsRecovery.Core.Tests.Api;

public class RdsClientLogTests
{
    [Fact]
    public async Task One_verbose_line_per_request_with_method_path_status_request_id_and_duration()
    {
        var log = new ListLog();
        var (client, handler, _) = TestConnections.Client(r =>
        {
            var offset = int.Parse(r.Query("offset"), CultureInfo.InvariantCulture);
            var items = string.Join(",", Enumerable.Range(offset, Math.Min(100, 150 - offset)).Select(i => $"{{\"id\":\"i{i}\",\"status\":\"ACTIVE\"}}"));
            return FakeRdsHandler.Json("{\"instances\":[" + items + "],\"total_count\":150}", requestId: "rq-" + offset);
        }, log: log);
        await client.ListInstancesAsync();
        Assert.Equal(handler.Requests.Count, log.VerboseLines.Count);
        Assert.Matches(@"^V GET /v3/0483b6b16e954cb88930a360d2c4e663/instances\?offset=0&limit=100 -> 200 OK, request id rq-0, \d+ ms$", log.VerboseLines[0]);
        Assert.Contains("offset=100", log.VerboseLines[1]);
        Assert.Contains("request id rq-100", log.VerboseLines[1]);
    }

    [Fact]
    public async Task Debug_shows_headers_with_credentials_masked()
    {
        var log = new ListLog();
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job_id\":\"j\"}"), TestConnections.AkSk(securityToken: "tok-abcdef"), log: log);
        await client.SubmitRestoreAsync("{\"target\":{\"instance_id\":\"t\"}}");
        var debug = log.Lines.Where(l => l.StartsWith("D ", StringComparison.Ordinal)).ToList();
        var request = Assert.Single(debug, l => l.Contains("request headers"));
        Assert.Contains("X-Sdk-Date: 20191115T033655Z", request);
        Assert.Contains("Authorization: ***", request);
        Assert.Contains("X-Security-Token: ***", request);
        Assert.DoesNotContain("Signature=", request);
        Assert.True(debug.Any(l => l.Contains("response headers") && l.Contains("X-Request-Id: req-1", StringComparison.OrdinalIgnoreCase)), string.Join("\n", debug));
    }

    [Fact]
    public async Task Retries_are_logged()
    {
        var log = new ListLog();
        var n = 0;
        var (client, _, _) = TestConnections.Client(_ => Interlocked.Increment(ref n) == 1
            ? FakeRdsHandler.Json("{\"error_code\":\"DBS.108000\"}", HttpStatusCode.InternalServerError)
            : FakeRdsHandler.Json("{\"job\":{\"id\":\"j\",\"status\":\"Running\"}}"), log: log);
        await client.GetJobAsync("j");
        Assert.Contains(log.VerboseLines, l => l.Contains("-> 500 DBS.108000"));
        Assert.Contains(log.VerboseLines, l => l.Contains("retrying in 0.8 s (attempt 2 of 4)"));
        Assert.Contains(log.VerboseLines, l => l.EndsWith("(attempt 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_handler_verifies_tls_follows_no_redirect_and_honours_the_system_proxy()
    {
        var handler = Assert.IsType<HttpClientHandler>(RdsHttpAccess.DefaultHandler);
        // The callback only records why a certificate was refused: it accepts exactly what the system accepts.
        var check = handler.ServerCertificateCustomValidationCallback!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.invalid/");
        Assert.True(check(request, null, null, System.Net.Security.SslPolicyErrors.None));
        Assert.False(check(request, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(check(request, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(handler.AllowAutoRedirect);
        Assert.True(handler.UseProxy);
        Assert.Null(handler.Proxy);
    }
}

internal static class RdsHttpAccess
{
    public static HttpMessageHandler DefaultHandler => RdsHttp.DefaultHandler;
}
