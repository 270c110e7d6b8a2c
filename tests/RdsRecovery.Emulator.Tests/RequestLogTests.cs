using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The request log records what was sent, with credentials removed.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task LogShowsMethodPathHeadersBodyAndStatusWithSecretsRemoved()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var body = "{\"source\":{\"instance_id\":\"" + WellKnown.ErpProd + "\",\"type\":\"backup\",\"backup_id\":\"" +
                   RunningEmulator.BackupId("erp-prod", 0) + "\"},\"target\":{\"instance_id\":\"" + RunningEmulator.Id("erp-staging") + "\"}}";
        await emulator.RestoreAcceptedAsync(body);
        using (await emulator.GetAsync("instances?limit=2&offset=1")) { }
        var token = await AuthTests.IssueTokenAsync(emulator, emulator.Host.Options.SecretKey, HttpStatusCode.Created);
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances"))
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            request.Headers.TryAddWithoutValidation("X-Security-Token", "temporary-security-token-value");
            using (await emulator.Http.SendAsync(request)) { }
        }
        await emulator.AdminJsonAsync(HttpMethod.Get, "settings");

        var log = await emulator.AdminJsonAsync(HttpMethod.Get, "requests");
        var entries = log["requests"]!.AsArray();
        Assert.Equal(4, entries.Count); // the admin call is not logged
        var text = log.ToJsonString();
        Assert.DoesNotContain(emulator.Host.Options.SecretKey, text);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain("temporary-security-token-value", text);
        Assert.DoesNotContain("Signature=", text);

        var restore = entries[0]!;
        Assert.Equal("POST", restore["method"]!.GetValue<string>());
        Assert.Equal($"/v3/{emulator.ProjectId}/instances/recovery", restore["path"]!.GetValue<string>());
        Assert.Equal(body, restore["body"]!.GetValue<string>());
        Assert.Equal(200, restore["status"]!.GetValue<int>());
        Assert.Equal("[redacted]", restore["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal(emulator.ProjectId, restore["headers"]!["x-project-id"]!.GetValue<string>());
        Assert.NotNull(restore["headers"]!["x-sdk-date"]);
        Assert.Matches("^[0-9a-f]{32}$", restore["request_id"]!.GetValue<string>());

        Assert.Equal($"/v3/{emulator.ProjectId}/instances?limit=2&offset=1", entries[1]!["path"]!.GetValue<string>());
        var tokenRequest = entries[2]!;
        Assert.Equal(201, tokenRequest["status"]!.GetValue<int>());
        Assert.Contains("[redacted]", tokenRequest["body"]!.GetValue<string>());
        Assert.Contains("\"methods\":[\"password\"]", tokenRequest["body"]!.GetValue<string>());
        Assert.Equal("[redacted]", entries[3]!["headers"]!["X-Auth-Token"]!.GetValue<string>());
        Assert.Equal("[redacted]", entries[3]!["headers"]!["X-Security-Token"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusedAndUnauthenticatedRequestsAreLoggedTooAndDeleteClears()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using (await emulator.Http.GetAsync($"/v3/{emulator.ProjectId}/instances")) { }
        using (await emulator.GetAsync("instances?limit=0")) { }
        var entries = (await emulator.AdminJsonAsync(HttpMethod.Get, "requests"))["requests"]!.AsArray();
        Assert.Equal(new[] { 401, 400 }, entries.Select(e => e!["status"]!.GetValue<int>()));

        using var deleted = await emulator.Http.DeleteAsync("/_emulator/requests");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await emulator.AdminJsonAsync(HttpMethod.Get, "requests"))["requests"]!.AsArray());
    }
}
