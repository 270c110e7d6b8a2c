using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Hosting;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The admin API is unsigned, so it answers loopback clients only, even when remote binding is allowed.</summary>
public sealed class AdminAccessTests
{
    [Fact]
    public async Task AdminApiRefusesNonLoopbackClients()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(address is not null, "this test needs a non-loopback IPv4 address on the machine");
        var file = RunningEmulator.NewDataFile();
        var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Port = 0, ListenAddress = "0.0.0.0", AllowRemote = true, DataFile = file,
        });
        try
        {
            Assert.Equal("127.0.0.1", host.BaseUri.Host);
            using var http = new HttpClient();
            using var remote = await http.GetAsync($"http://{address}:{host.BaseUri.Port}/_emulator/settings");
            Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
            Assert.Equal("EMULATOR.0403", JsonNode.Parse(await remote.Content.ReadAsStringAsync())!["error_code"]!.GetValue<string>());
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
