using System.Net;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Writes are serialized: of many parallel restores into one target exactly one is accepted.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ParallelRestoresIntoOneTargetAcceptExactlyOne()
    {
        await using var emulator = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 600_000);
        var body = new
        {
            source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        };
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => emulator.RestoreAsync(body))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains("DBS.200011", await r.Content.ReadAsStringAsync());
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task ParallelRestoresIntoDifferentTargetsAndReadsAllSucceed()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var pairs = new[] { ("erp-prod", "erp-staging"), ("erp-prod", "erp-reporting"), ("shop-mysql80-prod", "shop-mysql80-staging"), ("shop-mysql80-prod", "shop-mysql80-test") };
        var restores = pairs.Select(p => Task.Run(() => emulator.RestoreAcceptedAsync(new
        {
            source = new { instance_id = RunningEmulator.Id(p.Item1), type = "backup", backup_id = RunningEmulator.BackupId(p.Item1, 1) },
            target = new { instance_id = RunningEmulator.Id(p.Item2) },
        }))).ToList();
        var reads = Enumerable.Range(0, 30).Select(_ => Task.Run(() => emulator.GetJsonAsync("instances?datastore_type=MySQL"))).ToList();
        await Task.WhenAll(reads);
        var jobs = await Task.WhenAll(restores);
        Assert.Equal(4, jobs.Distinct().Count());
        foreach (var job in jobs) Assert.Equal("Completed", (await emulator.WaitForJobAsync(job))["status"]!.GetValue<string>());
    }
}
