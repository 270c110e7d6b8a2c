using System.Net;
using System.Net.Http;
using System.Text;
using RdsRecovery.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Api;

public class RdsErrorTests
{
    private static async Task<RdsServiceException> Fail(Func<SeenRequest, HttpResponseMessage> respond)
    {
        var (client, _, _) = TestConnections.Client(respond, retry: RdsRetryPolicy.None);
        return await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
    }

    [Fact]
    public async Task Service_error_carries_status_code_message_request_id_and_path()
    {
        var ex = await Fail(_ => FakeRdsHandler.Json("{\"error_code\":\"DBS.200002\",\"error_msg\":\"The DB instance does not exist.\"}", HttpStatusCode.NotFound, "rq-404"));
        Assert.Equal(404, ex.HttpStatus);
        Assert.Equal("DBS.200002", ex.ErrorCode);
        Assert.Equal("The DB instance does not exist.", ex.ErrorMessage);
        Assert.Equal("rq-404", ex.RequestId);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/v3/0483b6b16e954cb88930a360d2c4e663/jobs?id=j1", ex.Path);
        Assert.Equal(RdsErrorKind.NotFound, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsResourceNotFound, ex.ErrorId);
        foreach (var part in new[] { "404", "DBS.200002", "The DB instance does not exist.", "rq-404" }) Assert.Contains(part, ex.Message);
    }

    [Theory]
    [InlineData("{\"code\":\"APIGW.0101\",\"message\":\"api not found\"}", "APIGW.0101", "api not found")]
    [InlineData("{\"errCode\":\"RDS.1002\",\"externalMessage\":\"being restored\"}", "RDS.1002", "being restored")]
    [InlineData("{\"itemNotFound\":{\"code\":404,\"message\":\"gone\"}}", "404", "gone")]
    public async Task Error_code_and_message_fall_back_through_the_known_shapes(string body, string code, string message)
    {
        var ex = await Fail(_ => FakeRdsHandler.Json(body, HttpStatusCode.BadRequest));
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ErrorMessage);
    }

    [Fact]
    public async Task Gateway_request_id_comes_from_the_body_when_no_header()
    {
        var ex = await Fail(_ => FakeRdsHandler.Json("{\"error_msg\":\"Incorrect IAM authentication information\",\"error_code\":\"APIGW.0301\",\"request_id\":\"gw-77\"}",
            HttpStatusCode.Unauthorized, requestId: null));
        Assert.Equal("gw-77", ex.RequestId);
        Assert.Equal(RdsErrorKind.Authentication, ex.Kind);
        Assert.Contains("gw-77", ex.Message);
    }

    [Theory]
    [InlineData(400, "DBS.200001", RdsErrorKind.InvalidArgument)]
    [InlineData(400, "DBS.200543", RdsErrorKind.NotFound)]
    [InlineData(400, "DBS.200011", RdsErrorKind.Busy)]
    [InlineData(403, "DBS.212033", RdsErrorKind.Busy)]
    [InlineData(403, "DBS.280015", RdsErrorKind.PermissionDenied)]
    [InlineData(401, "APIGW.0301", RdsErrorKind.Authentication)]
    [InlineData(404, "DBS.201010", RdsErrorKind.NotFound)]
    [InlineData(409, "DBS.201202", RdsErrorKind.Busy)]
    [InlineData(409, null, RdsErrorKind.Busy)]
    [InlineData(422, null, RdsErrorKind.InvalidArgument)]
    [InlineData(429, null, RdsErrorKind.Throttled)]
    [InlineData(500, "DBS.108000", RdsErrorKind.ServerError)]
    [InlineData(503, null, RdsErrorKind.ServerError)]
    public void Status_and_code_map_to_a_kind(int status, string? code, RdsErrorKind kind) => Assert.Equal(kind, RdsServiceErrors.Classify(status, code));

    [Fact]
    public async Task Job_not_found_is_recognised()
    {
        var ex = await Fail(_ => FakeRdsHandler.Json("{\"error_code\":\"DBS.200543\",\"error_msg\":\"The job does not exist.\"}", HttpStatusCode.BadRequest));
        Assert.True(ex.IsJobNotFound);
        Assert.Equal(RdsErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task Html_error_page_is_a_clear_server_error()
    {
        var ex = await Fail(_ => FakeRdsHandler.Text("<html><body>Bad Gateway</body></html>", "text/html", HttpStatusCode.BadGateway));
        Assert.Equal(RdsErrorKind.ServerError, ex.Kind);
        Assert.Equal(502, ex.HttpStatus);
        Assert.Null(ex.ErrorCode);
        Assert.Contains("not JSON (text/html)", ex.Message);
    }

    [Fact]
    public async Task Html_success_is_an_invalid_response()
    {
        var ex = await Fail(_ => FakeRdsHandler.Text("<html>login</html>", "text/html", HttpStatusCode.OK));
        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsInvalidResponse, ex.ErrorId);
        Assert.Contains("text/html", ex.Message);
    }

    [Theory]
    [InlineData("{\"job\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"something\":1}")]
    [InlineData("{\"job\":\"text\"}")]
    public async Task Malformed_or_unexpected_json_is_an_invalid_response(string body)
    {
        var ex = await Fail(_ => FakeRdsHandler.Json(body));
        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Huge_body_is_not_read_whole()
    {
        var huge = "{\"job\":{\"id\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        var ex = await Fail(_ => FakeRdsHandler.Json(huge));
        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("larger than", ex.Message);
    }

    [Fact]
    public async Task Huge_body_without_content_length_is_capped_while_streaming()
    {
        var ex = await Fail(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream((byte)' ')) };
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return r;
        });
        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Oversized_error_message_is_truncated()
    {
        var ex = await Fail(_ => FakeRdsHandler.Json("{\"error_code\":\"X\",\"error_msg\":\"" + new string('m', 5000) + "\"}", HttpStatusCode.BadRequest));
        Assert.True(ex.ErrorMessage!.Length < 1100);
    }
}
