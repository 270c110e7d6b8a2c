using System.Text.RegularExpressions;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The ids the README documents are the ids the emulator serves (demo and Pester tests name them).</summary>
public sealed class WellKnownIdsTests
{
    private static string ReadMe()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RdsRecovery.PowerShell.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "repository root not found above " + AppContext.BaseDirectory);
        return File.ReadAllText(Path.Combine(dir!.FullName, "src", "RdsRecovery.Emulator", "README.md"));
    }

    [Fact]
    public async Task InstanceTableMatchesTheServedFleet()
    {
        var documented = Regex.Matches(ReadMe(), @"^\| `([a-z0-9-]+)` \| `([0-9a-f]{32}in0[134])` \| (\w+) ([0-9A-Z_.]+)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Id: m.Groups[2].Value, Engine: m.Groups[3].Value, Version: m.Groups[4].Value));
        await using var emulator = await RunningEmulator.StartAsync();
        var served = (await emulator.AdminJsonAsync(HttpMethod.Get, "instances"))["instances"]!.AsArray();
        Assert.Equal(served.Count, documented.Count);
        foreach (var instance in served)
        {
            var name = instance!["name"]!.GetValue<string>();
            Assert.True(documented.ContainsKey(name), name + " is not documented");
            Assert.Equal((instance["id"]!.GetValue<string>(), instance["engine"]!.GetValue<string>(), instance["version"]!.GetValue<string>()),
                documented[name]);
        }
        Assert.Equal(WellKnown.ErpProd, documented["erp-prod"].Id);
    }

    [Fact]
    public async Task BackupTableMatchesTheServedBackups()
    {
        var rows = Regex.Matches(ReadMe(), @"^\| `([a-z0-9-]+)` \| `[0-9a-f]{32}br0[134]`.*$", RegexOptions.Multiline);
        Assert.True(rows.Count >= 5);
        await using var emulator = await RunningEmulator.StartAsync();
        foreach (Match row in rows)
        {
            var name = row.Groups[1].Value;
            var cells = row.Value.Split('|', StringSplitOptions.TrimEntries).Skip(2).Take(6).ToArray();
            var statuses = new[] { "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "FAILED", "BUILDING" };
            for (var index = 0; index < 6; index++)
            {
                if (cells[index] == "–") continue;
                var id = cells[index].Trim('`');
                Assert.Equal(RunningEmulator.BackupId(name, index), id);
                var listed = await emulator.GetJsonAsync($"backups?instance_id={RunningEmulator.Id(name)}&backup_id={id}");
                Assert.Equal(statuses[index], listed["backups"]![0]!["status"]!.GetValue<string>());
            }
        }
    }
}
