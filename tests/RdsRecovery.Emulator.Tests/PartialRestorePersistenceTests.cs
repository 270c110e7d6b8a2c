using System.Net;
using RdsRecovery.Emulator.Store;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Database- and table-level state lives in the data file, an older file is reseeded, and parallel restores accept one.</summary>
public sealed class PartialRestorePersistenceTests
{
    [Fact]
    public async Task A_restored_database_and_a_running_table_job_survive_a_restart()
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            string tableJob;
            await using (var first = await RunningEmulator.StartAsync(file, invisibleMs: 0, durationMs: 300))
            {
                var answer = await first.PostOk("instances/batch/restore/databases", DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "erp_back")));
                await first.WaitForJobAsync(answer["restore_result"]![0]!["job_id"]!.GetValue<string>());
                await first.AdminJsonAsync(HttpMethod.Put, "settings", "{\"job_duration_ms\":1500}");
                tableJob = (await first.PostOk($"instances/{WellKnown.ErpProd}/restore/tables", MySqlTables(TenMinutesAgo(), "erp", ("orders", "orders_back")), "v3.1"))["job_id"]!.GetValue<string>();
            }
            await using var second = await RunningEmulator.StartAsync(file);
            Assert.Equal("Completed", (await second.WaitForJobAsync(tableJob))["status"]!.GetValue<string>());
            var view = await second.TablesView("erp-prod");
            Assert.Equal(new[] { "orders", "customers", "audit_log" }, TableNames(Database(view, "erp_back")));
            Assert.Contains("orders_back", TableNames(Database(view, "erp")));
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    // A file of schema 2 (before tables existed) must be reseeded at start, so the seeded tables are there.
    [Fact]
    public async Task A_file_of_the_previous_schema_is_reseeded_with_tables()
    {
        var file = RunningEmulator.NewDataFile();
        try
        {
            await using (var first = await RunningEmulator.StartAsync(file)) { }
            using (var old = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file))
            {
                old.Open();
                using var command = old.CreateCommand();
                command.CommandText = $"DROP TABLE table_events; DROP TABLE fast_restore; UPDATE meta SET value = '2/{SeedFleet.Fingerprint}' WHERE key = 'seeded';";
                command.ExecuteNonQuery();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var second = await RunningEmulator.StartAsync(file);
            Assert.Equal(new[] { "orders", "customers", "audit_log" }, TableNames(Database(await second.TablesView("erp-prod"), "erp")));
            await second.PostOk("instances/batch/restore/databases", DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "erp_back")));
        }
        finally
        {
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task Of_parallel_restores_into_one_instance_exactly_one_is_accepted()
    {
        await using var e = await RunningEmulator.StartAsync(durationMs: 600_000);
        var calls = Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? e.Post("instances/batch/restore/databases", DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "erp_back" + i)))
            : e.Post($"instances/{WellKnown.ErpProd}/restore/tables", MySqlTables(TenMinutesAgo(), "erp", ("orders", "orders_back" + i)), "v3.1")).ToList();
        var responses = await Task.WhenAll(calls);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}
