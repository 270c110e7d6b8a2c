using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Each fault kind, its limits (path, method, count, probability with a seed), and that /_emulator/ is never faulted.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<JsonObject> SetFaults(string json) => _emulator.AdminJsonAsync(HttpMethod.Put, "faults", json);

    private async Task<HttpStatusCode> StatusOf(string relative)
    {
        using var response = await _emulator.GetAsync(relative);
        return response.StatusCode;
    }

    [Fact]
    public async Task LatencyDelaysButAnswers()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"latency\",\"latency_ms\":150,\"path\":\"/instances$\"}]}");
        Assert.Equal(HttpStatusCode.OK, await StatusOf("instances?limit=1"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf("backups?instance_id=" + WellKnown.ErpProd));
        var faults = await _emulator.AdminJsonAsync(HttpMethod.Get, "faults");
        Assert.Equal(1, faults["rules"]![0]!["hits"]!.GetValue<int>());
        var log = (await _emulator.AdminJsonAsync(HttpMethod.Get, "requests"))["requests"]!.AsArray();
        Assert.Equal("latency", log[0]!["fault"]!.GetValue<string>());
        Assert.Null(log[1]!["fault"]);
    }

    [Theory]
    [InlineData(500, "DBS.108000")]
    [InlineData(503, "DBS.200005")]
    public async Task ServerErrorsUseTheServiceErrorBody(int status, string code)
    {
        await SetFaults($"{{\"rules\":[{{\"kind\":\"error\",\"status\":{status},\"count\":1}}]}}");
        var (actual, actualCode, _, response) = await RunningEmulator.ErrorOf(_emulator.GetAsync("instances"));
        Assert.Equal((HttpStatusCode)status, actual);
        Assert.Equal(code, actualCode);
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf("instances"));
    }

    [Fact]
    public async Task ThrottleAnswers429WithRetryAfter()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"throttle\",\"retry_after\":3,\"count\":2}]}");
        var (status, code, _, response) = await RunningEmulator.ErrorOf(_emulator.GetAsync("instances"));
        Assert.Equal((HttpStatusCode.TooManyRequests, "APIGW.0308"), (status, code));
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusOf("instances"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf("instances"));
    }

    [Fact]
    public async Task BusyAnswers409WithTheConfiguredCodeAndDoesNotRestore()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"busy\",\"error_code\":\"DBS.200047\",\"method\":\"POST\",\"path\":\"/instances/recovery$\"}]}");
        Assert.Equal(HttpStatusCode.OK, await StatusOf("instances"));
        var (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.RestoreAsync(new
        {
            source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        }));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200047"), (status, code));
        Assert.Equal("ACTIVE", await _emulator.StatusOfAsync("erp-staging"));
    }

    [Fact]
    public async Task DropAbortsTheConnectionThenCountRunsOut()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"drop\",\"count\":1,\"path\":\"/jobs$\"}]}");
        using (var fresh = _emulator.FreshClient())
            await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.GetAsync("jobs?id=x", fresh));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOf("jobs?id=x"));
        var log = (await _emulator.AdminJsonAsync(HttpMethod.Get, "requests"))["requests"]!.AsArray();
        Assert.Equal("drop", log[0]!["fault"]!.GetValue<string>());
        Assert.Equal(0, log[0]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task DropAfterHandlingLosesTheAnswerButTheRestoreHappened()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"drop\",\"when\":\"after\",\"method\":\"POST\",\"count\":1}]}");
        using var fresh = _emulator.FreshClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.RestoreAsync(new
        {
            source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        }, fresh));
        Assert.Equal("RESTORING", await _emulator.StatusOfAsync("erp-staging"));
    }

    [Fact]
    public async Task MalformedBodyIsNotJson()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"malformed\",\"count\":1}]}");
        using var response = await _emulator.GetAsync("instances");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(text));
        Assert.StartsWith("{\"instances\":", text);
    }

    [Fact]
    public async Task RewriteServesTheRealAnswerWithFieldsSetOrRemoved()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"rewrite\",\"path\":\"/instances$\",\"count\":1,"
            + "\"set\":{\"instances[0].status\":[\"ACTIVE\"],\"instances[0].volume.size\":\"40\",\"total_count\":\"1\"},\"remove\":[\"instances[0].id\"]}]}");
        var spoiled = await _emulator.GetJsonAsync("instances?name=erp-prod");
        var first = spoiled["instances"]![0]!.AsObject();
        Assert.Equal(JsonValueKind.Array, first["status"]!.GetValueKind());
        Assert.Equal("40", first["volume"]!["size"]!.GetValue<string>());
        Assert.Equal("1", spoiled["total_count"]!.GetValue<string>());
        Assert.False(first.ContainsKey("id"));
        Assert.Equal("erp-prod", first["name"]!.GetValue<string>());
        var faults = await _emulator.AdminJsonAsync(HttpMethod.Get, "faults");
        Assert.Equal("instances[0].id", faults["rules"]![0]!["remove"]![0]!.GetValue<string>());

        var real = await _emulator.GetJsonAsync("instances?name=erp-prod");
        Assert.Equal(WellKnown.ErpProd, real["instances"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShareOfErrorsIsRepeatableWithASeed()
    {
        const string config = "{\"seed\":1234,\"rules\":[{\"kind\":\"error\",\"status\":503,\"probability\":0.5}]}";
        async Task<string> Pattern()
        {
            await SetFaults(config);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 30; i++) statuses.Add(await StatusOf("instances?limit=1"));
            return string.Concat(statuses.Select(s => s == HttpStatusCode.OK ? '.' : 'x'));
        }
        var first = await Pattern();
        var second = await Pattern();
        Assert.Equal(first, second);
        Assert.Contains('x', first);
        Assert.Contains('.', first);
        Assert.DoesNotContain(first, c => c != 'x' && c != '.');
    }

    [Fact]
    public async Task AdminApiIsNeverFaultedAndDeleteClears()
    {
        await SetFaults("{\"rules\":[{\"kind\":\"error\",\"status\":500}]}");
        Assert.Equal(HttpStatusCode.InternalServerError, await StatusOf("instances"));
        var faults = await _emulator.AdminJsonAsync(HttpMethod.Get, "faults");
        Assert.Single(faults["rules"]!.AsArray());
        using var deleted = await _emulator.Http.DeleteAsync("/_emulator/faults");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusOf("instances"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"rules\":[{\"kind\":\"explode\"}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"error\",\"probability\":2}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"error\",\"path\":\"(\"}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"error\",\"status\":200}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"rewrite\"}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"rewrite\",\"set\":[1]}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"rewrite\",\"remove\":[1]}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"rewrite\",\"remove\":[\"job..id\"]}]}")]
    public async Task BadFaultConfigurationIsRefused(string json)
    {
        using var response = await _emulator.Http.PutAsync("/_emulator/faults", new StringContent(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
