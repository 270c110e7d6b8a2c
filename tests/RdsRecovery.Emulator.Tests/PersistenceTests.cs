using System.Net;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>State lives in the SQLite file: it survives a restart; reset (admin or --reset) returns to the seed.</summary>
public sealed class PersistenceTests
{
    private static object Restore() => new
    {
        source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
        target = new { instance_id = RunningEmulator.Id("erp-staging") },
    };

    [Fact]
    public async Task JobsDataAndTokensSurviveARestart()
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            string jobId, token, marker;
            await using (var first = await RunningEmulator.StartAsync(file))
            {
                jobId = await first.RestoreAcceptedAsync(Restore());
                Assert.Equal("Completed", (await first.WaitForJobAsync(jobId))["status"]!.GetValue<string>());
                marker = (await first.DataAsync("erp-staging"))["data_version"]!.GetValue<string>();
                token = await AuthTests.IssueTokenAsync(first, first.Host.Options.SecretKey, HttpStatusCode.Created);
            }
            await using var second = await RunningEmulator.StartAsync(file);
            Assert.Equal("Completed", (await second.GetJsonAsync("jobs?id=" + jobId))["job"]!["status"]!.GetValue<string>());
            Assert.Equal(marker, (await second.DataAsync("erp-staging"))["data_version"]!.GetValue<string>());
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/{second.ProjectId}/instances?limit=1");
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            using var response = await second.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task RunningJobFinishesAfterARestart()
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            string jobId;
            await using (var first = await RunningEmulator.StartAsync(file, invisibleMs: 0, durationMs: 1000))
            {
                jobId = await first.RestoreAcceptedAsync(Restore());
                Assert.Equal("RESTORING", await first.StatusOfAsync("erp-staging"));
            }
            await using var second = await RunningEmulator.StartAsync(file);
            Assert.Equal("Completed", (await second.WaitForJobAsync(jobId))["status"]!.GetValue<string>());
            Assert.Equal("ACTIVE", await second.StatusOfAsync("erp-staging"));
            Assert.StartsWith("erp-prod@", (await second.DataAsync("erp-staging"))["data_version"]!.GetValue<string>());
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task AdminResetReturnsToTheSeed()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var jobId = await emulator.RestoreAcceptedAsync(Restore());
        await emulator.WaitForJobAsync(jobId);
        await emulator.AdminJsonAsync(HttpMethod.Put, "settings", "{\"job_duration_ms\":5}");
        await emulator.AdminJsonAsync(HttpMethod.Post, "reset");

        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.GetAsync("jobs?id=" + jobId));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200543"), (status, code));
        var data = await emulator.DataAsync("erp-staging");
        Assert.True(data["live"]!.GetValue<bool>());
        Assert.Single(data["history"]!.AsArray());
        Assert.Equal(1500, (await emulator.AdminJsonAsync(HttpMethod.Get, "settings"))["job_duration_ms"]!.GetValue<int>());
        Assert.Equal(RdsRecovery.Emulator.Store.SeedFleet.Instances.Count, (await emulator.GetJsonAsync("instances"))["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ResetOptionReseedsAnExistingFile()
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            string jobId;
            await using (var first = await RunningEmulator.StartAsync(file))
                jobId = await first.RestoreAcceptedAsync(Restore());
            await using var second = await RunningEmulator.StartAsync(file, reset: true);
            var (status, code, _, _) = await RunningEmulator.ErrorOf(second.GetAsync("jobs?id=" + jobId));
            Assert.Equal((HttpStatusCode.BadRequest, "DBS.200543"), (status, code));
            Assert.Equal("ACTIVE", await second.StatusOfAsync("erp-staging"));
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    // A file written by the first emulator (schema 1: no region or related_instance columns) must not fail the start.
    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    public async Task AFileOfAnOlderEmulatorIsReseededAtStart(string? seededMark)
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var old = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file))
            {
                old.Open();
                using var command = old.CreateCommand();
                command.CommandText = """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE instances (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, name TEXT NOT NULL, engine TEXT NOT NULL, version TEXT NOT NULL,
                        complete_version TEXT, type TEXT NOT NULL, status TEXT NOT NULL, volume_type TEXT NOT NULL, volume_size INTEGER NOT NULL,
                        port INTEGER NOT NULL, time_zone TEXT NOT NULL, flavor_ref TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
                        windows_json TEXT NOT NULL);
                    INSERT INTO instances VALUES ('old0000000000000000000000000000in01', 0, 'old', 'MySQL', '5.7', NULL, 'Single', 'ACTIVE', 'CLOUDSSD', 10, 3306, 'UTC', 'f', 0, 0, '[]');
                    """ + (seededMark is null ? "" : $"INSERT INTO meta VALUES ('seeded', '{seededMark}');");
                command.ExecuteNonQuery();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var emulator = await RunningEmulator.StartAsync(file);
            var instances = await emulator.GetJsonAsync("instances");
            Assert.Equal(RdsRecovery.Emulator.Store.SeedFleet.Instances.Count, instances["total_count"]!.GetValue<int>());
            Assert.DoesNotContain("old0000", instances.ToJsonString());
            await emulator.RestoreAcceptedAsync(Restore());
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task SeededIdsAreStableAcrossResets()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var before = (await emulator.AdminJsonAsync(HttpMethod.Get, "instances")).ToJsonString();
        await emulator.AdminJsonAsync(HttpMethod.Post, "reset");
        var after = await emulator.AdminJsonAsync(HttpMethod.Get, "instances");
        Assert.Equal(
            System.Text.Json.Nodes.JsonNode.Parse(before)!["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()),
            after["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Contains(WellKnown.ErpProd, after.ToJsonString());
    }
}
