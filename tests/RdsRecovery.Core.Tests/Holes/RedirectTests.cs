using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// Issue 9 point 3: a redirect is never followed, for a read or the restore POST, with a signature or a token:
/// a real server on loopback redirects to a second real server, which must see nothing.
/// </summary>
public class RedirectTests
{
    private const string ProjectId = "0483b6b16e954cb88930a360d2c4e663";

    private static RdsClient ClientFor(string endpoint, RdsCredentials credentials) =>
        new RdsConnection(null, ProjectId, new Uri(endpoint), credentials)
            .CreateClient(new RdsClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });

    public static TheoryData<int, string> Redirects() => new()
    {
        { 302, "aksk" }, { 301, "token" }, { 307, "aksk" }, { 308, "token" },
    };

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task A_read_is_not_redirected_and_the_error_names_the_location(int status, string auth)
    {
        await using var elsewhere = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, "{\"instances\":[],\"total_count\":0}"));
        var location = elsewhere.BaseUri + "/v3/" + ProjectId + "/instances";
        await using var redirecting = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(status, "{}", $"Location: {location}\r\n"));
        using var client = ClientFor(redirecting.BaseUri, auth == "token" ? RdsCredentials.FromToken("a-token-for-this-host-only") : RdsCredentials.FromAccessKey("AK", "SK"));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorKind.Redirect, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsRedirectNotFollowed, ex.ErrorId);
        Assert.Contains(location, ex.Message);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(redirecting.Requests);
    }

    [Fact]
    public async Task The_restore_post_is_not_redirected_nor_sent_again()
    {
        await using var elsewhere = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, "{\"job_id\":\"stolen\"}"));
        await using var redirecting = new LoopbackHttpServer((_, _) =>
            LoopbackHttpServer.Json(307, "{}", $"Location: {elsewhere.BaseUri}/v3/{ProjectId}/instances/recovery\r\n"));
        using var client = ClientFor(redirecting.BaseUri, RdsCredentials.FromAccessKey("AK", "SK", "security-token"));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() =>
            client.SubmitRestoreAsync("{\"source\":{\"instance_id\":\"s\",\"type\":\"backup\",\"backup_id\":\"b\"},\"target\":{\"instance_id\":\"t\"}}"));

        Assert.Equal(RdsErrorIds.RdsRedirectNotFollowed, ex.ErrorId);
        Assert.Contains(elsewhere.BaseUri, ex.Message);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(redirecting.Requests);
    }
}
