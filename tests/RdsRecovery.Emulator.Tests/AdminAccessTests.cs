using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Hosting;
using RdsRecovery.Emulator.Http;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The admin API is unsigned, so it answers loopback clients only, even when remote binding is allowed.</summary>
public sealed class AdminAccessTests
{
    // Tests send traffic to loopback only, so the refusal of other clients is checked on the decision itself.
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.10.20.30", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.0.2.10", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:192.0.2.10", false)]
    public void AdminApiAnswersLoopbackClientsOnly(string address, bool allowed) =>
        Assert.Equal(allowed, AdminAccess.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public async Task AdminApiAnswersALoopbackClientWhenRemoteBindingIsAllowed()
    {
        var file = RunningEmulator.NewDataFile();
        var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Port = 0, ListenAddress = "0.0.0.0", AllowRemote = true, DataFile = file,
        });
        try
        {
            Assert.Equal("127.0.0.1", host.BaseUri.Host);
            using var http = new HttpClient();
            using var local = await http.GetAsync(new Uri(host.BaseUri, "/_emulator/settings"));
            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task InfoRepeatsTheStartLineAndAdminLooksUpInstancesByName()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var info = await emulator.AdminJsonAsync(HttpMethod.Get, "info");
        var line = JsonNode.Parse(emulator.Host.InfoLine)!.AsObject();
        foreach (var (key, value) in line) Assert.Equal(value!.GetValue<string>(), info[key]!.GetValue<string>());
        Assert.Equal(emulator.DataFile, info["dataFile"]!.GetValue<string>());
        var byName = await emulator.AdminJsonAsync(HttpMethod.Get, "instances/erp-prod/data");
        Assert.Equal(WellKnown.ErpProd, byName["instance_id"]!.GetValue<string>());
        using var missing = await emulator.Http.GetAsync("/_emulator/instances/nope/data");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
