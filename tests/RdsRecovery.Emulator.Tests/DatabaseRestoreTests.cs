using System.Net;
using System.Text.Json;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>BatchRestoreDatabase: the job, what lands where (markers), and every refusal with its code.</summary>
public sealed class DatabaseRestoreTests
{
    private const string Path = "instances/batch/restore/databases";

    [Fact]
    public async Task A_restored_database_appears_beside_the_live_one_with_the_marker_of_the_restore_time()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 800);
        var at = TenMinutesAgo();
        var answer = await e.PostOk(Path, DatabaseRestore("erp-prod", at, ("erp", "erp_back")));
        var result = answer["restore_result"]!.AsArray().Single()!;
        Assert.Equal(WellKnown.ErpProd, result["instance_id"]!.GetValue<string>());
        var jobId = result["job_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", jobId);
        Assert.Equal("RESTORING", await e.StatusOfAsync("erp-prod"));
        Assert.False(HasDatabase(await e.TablesView("erp-prod"), "erp_back"));

        var job = await e.WaitForJobAsync(jobId);
        Assert.Equal(("Completed", "RestoreDatabasesInInstance"), (job["status"]!.GetValue<string>(), job["name"]!.GetValue<string>()));
        Assert.Equal("erp-prod", job["instance"]!["name"]!.GetValue<string>());
        Assert.Equal("ACTIVE", await e.StatusOfAsync("erp-prod"));

        var view = await e.TablesView("erp-prod");
        var restored = Database(view, "erp_back");
        var marker = "erp-prod@" + Iso(at);
        Assert.Equal(marker, restored["data_version"]!.GetValue<string>());
        Assert.Equal(new[] { "orders", "customers", "audit_log" }, TableNames(restored));
        Assert.All(restored["tables"]!.AsArray(), t => Assert.Equal(marker, t!["data_version"]!.GetValue<string>()));
        // The original stays live: its marker is the moment looked at, not the restore time.
        Assert.Equal("erp-prod@" + view["at"]!.GetValue<string>(), Database(view, "erp")["data_version"]!.GetValue<string>());
        var listed = await e.GetJsonAsync("instances?id=" + WellKnown.ErpProd);
        Assert.Equal("ACTIVE", listed["instances"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_table_marker_of_the_old_database_travels_with_it_and_a_dropped_database_comes_back()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 300);
        var changed = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
        await e.History("crm-pg12-prod",
            new { at = changed, action = "create", database = "crm", schema = "public", table = "orders", marker = "orders-v2" },
            new { at = changed + 60_000, action = "drop", database = "crm" });
        var at = changed + 30_000;
        var answer = await e.PostOk(Path, DatabaseRestore("crm-pg12-prod", at, ("crm", "crm_back")));
        await e.WaitForJobAsync(answer["restore_result"]![0]!["job_id"]!.GetValue<string>());

        var view = await e.TablesView("crm-pg12-prod");
        Assert.False(HasDatabase(view, "crm"));
        var restored = Database(view, "crm_back");
        Assert.Equal(new[] { "public.orders", "public.customers", "audit.events" }, TableNames(restored));
        var orders = restored["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "orders")!;
        Assert.Equal("orders-v2", orders["data_version"]!.GetValue<string>());
        Assert.Equal("crm-pg12-prod@" + Iso(at), restored["data_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task While_a_restore_runs_the_instance_is_busy_for_every_restore()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 600_000);
        await e.PostOk(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "erp_back")));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200011"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp_audit", "audit_back"))));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200011"), await e.PostError("instances/" + WellKnown.ErpProd + "/restore/tables",
            MySqlTables(TenMinutesAgo(), "erp", ("orders", "orders_back")), "v3.1"));
        var (status, code, _, _) = await RunningEmulator.ErrorOf(e.RestoreAsync(new
        {
            source = new { instance_id = RunningEmulator.Id("erp-staging"), type = "timestamp", restore_time = TenMinutesAgo() },
            target = new { instance_id = WellKnown.ErpProd },
        }));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200011"), (status, code));
    }

    [Fact]
    public async Task One_refused_instance_refuses_the_whole_batch_and_nothing_starts()
    {
        await using var e = await RunningEmulator.StartAsync();
        var body = new
        {
            instances = new[]
            {
                new { restore_time = TenMinutesAgo(), instance_id = WellKnown.ErpProd, databases = new[] { new { old_name = "erp", new_name = "erp_back" } } },
                new { restore_time = TenMinutesAgo(), instance_id = RunningEmulator.Id("erp-staging"), databases = new[] { new { old_name = "nope", new_name = "nope_back" } } },
            },
        };
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.280128"), await e.PostError(Path, body));
        Assert.Equal("ACTIVE", await e.StatusOfAsync("erp-prod"));
        Assert.DoesNotContain(JsonSerializer.Serialize(await e.AdminJsonAsync(HttpMethod.Get, "requests")), "job_id");
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> Refusals() => new()
    {
        { "dw-sql2017-ee", "dw", "dw_back", HttpStatusCode.BadRequest, "DBS.200040" },      // SQL Server has no database-level PITR
        { "erp-prod", "erp_gone", "erp_back", HttpStatusCode.BadRequest, "DBS.280128" },     // did not exist at that time
        { "erp-prod", "erp", "erp_audit", HttpStatusCode.BadRequest, "DBS.201035" },         // the new name exists now
        { "erp-prod", "erp", "ERP", HttpStatusCode.BadRequest, "DBS.201035" },               // the new name is the old one
        { "erp-prod", "erp", "erp back", HttpStatusCode.BadRequest, "DBS.200001" },          // MySQL grammar
        { "erp-prod", "erp", new string('a', 65), HttpStatusCode.BadRequest, "DBS.200001" },
        { "erp-prod", "erp", "erp$1", HttpStatusCode.OK, "" },                                // '$' is allowed on 5.7
        { "shop-mysql80-prod", "shop", "shop$1", HttpStatusCode.BadRequest, "DBS.200001" },  // but not on 8.0
        { "crm-pg12-prod", "crm", "pg_crm", HttpStatusCode.BadRequest, "DBS.200001" },       // PostgreSQL grammar
        { "crm-pg12-prod", "crm", "1crm", HttpStatusCode.BadRequest, "DBS.200001" },
        { "crm-pg12-prod", "crm", "crm-back", HttpStatusCode.BadRequest, "DBS.200001" },
        { "crm-pg12-prod", "crm", "template1", HttpStatusCode.BadRequest, "DBS.200001" },
        { "crm-pg12-prod", "crm", "crm_back", HttpStatusCode.OK, "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_rule_answers_its_code(string instance, string oldName, string newName, HttpStatusCode status, string code)
    {
        await using var e = await RunningEmulator.StartAsync();
        var body = DatabaseRestore(instance, TenMinutesAgo(), (oldName, newName));
        if (status == HttpStatusCode.OK) await e.PostOk(Path, body);
        else Assert.Equal((status, code), await e.PostError(Path, body));
    }

    [Fact]
    public async Task Time_shape_instance_and_duplicates_are_checked()
    {
        await using var e = await RunningEmulator.StartAsync();
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.201203"), await e.PostError(Path, DatabaseRestore("erp-prod", DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds(), ("erp", "b"))));
        Assert.Equal((HttpStatusCode.NotFound, "DBS.200002"), await e.PostError(Path,
            new { instances = new[] { new { restore_time = TenMinutesAgo(), instance_id = "nosuchin01", databases = new[] { new { old_name = "a", new_name = "b" } } } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "x"), ("erp_audit", "x"))));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "x"), ("erp", "y"))));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo())));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, new { instances = new[] { new { instance_id = WellKnown.ErpProd, databases = new[] { new { old_name = "erp", new_name = "b" } } } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, new { instances = Array.Empty<object>() }));
        var twice = new { restore_time = TenMinutesAgo(), instance_id = WellKnown.ErpProd, databases = new[] { new { old_name = "erp", new_name = "b" } } };
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, new { instances = new[] { twice, twice with { } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path,
            new { instances = new[] { new { restore_time = TenMinutesAgo(), instance_id = WellKnown.ErpProd, is_fast_restore = "yes", databases = new[] { new { old_name = "erp", new_name = "b" } } } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200006"), await e.PostError(Path, ""));
    }

    [Fact]
    public async Task Counts_stay_within_the_limits()
    {
        await using var e = await RunningEmulator.StartAsync();
        await e.AdminJsonAsync(HttpMethod.Put, "restore-limits", "{\"database_limit\":1}");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "a"), ("erp_audit", "b"))));
        await e.AdminJsonAsync(HttpMethod.Put, "restore-limits", "{\"database_limit\":5,\"database_table_limit\":2}");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "a"))));
        var listed = await e.PostOk("mysql/instances/history/databases", HistoryBody(TenMinutesAgo(), "erp-prod"));
        Assert.Equal((5, 2), (listed["database_limit"]!.GetValue<int>(), listed["table_limit"]!.GetValue<int>()));
        await e.AdminJsonAsync(HttpMethod.Post, "reset");
        Assert.Equal(2000, (await e.AdminJsonAsync(HttpMethod.Get, "restore-limits"))["database_limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fast_restore_only_where_the_instance_supports_it()
    {
        await using var e = await RunningEmulator.StartAsync();
        object Fast(string instance, string db) => new
        {
            instances = new[] { new { restore_time = TenMinutesAgo(), instance_id = RunningEmulator.Id(instance), is_fast_restore = true, databases = new[] { new { old_name = db, new_name = db + "_fast" } } } },
        };
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, Fast("erp-prod", "erp")));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(Path, Fast("crm-pg12-prod", "crm")));
        await e.PostOk(Path, Fast("shop-mysql80-prod", "shop"));
        await e.AdminJsonAsync(HttpMethod.Put, $"instances/{WellKnown.ErpProd}/fast-restore", "{\"database\":true,\"table\":false}");
        await e.PostOk(Path, Fast("erp-prod", "erp"));
    }

    [Fact]
    public async Task An_arranged_failure_fails_the_job_and_adds_nothing()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 300);
        await e.AdminJsonAsync(HttpMethod.Put, $"instances/{WellKnown.ErpProd}/next-restore", "{\"fail_reason\":\"disk full\"}");
        var answer = await e.PostOk(Path, DatabaseRestore("erp-prod", TenMinutesAgo(), ("erp", "erp_back")));
        var job = await e.WaitForJobAsync(answer["restore_result"]![0]!["job_id"]!.GetValue<string>());
        Assert.Equal(("Failed", "disk full"), (job["status"]!.GetValue<string>(), job["fail_reason"]!.GetValue<string>()));
        Assert.False(HasDatabase(await e.TablesView("erp-prod"), "erp_back"));
        Assert.Equal("ACTIVE", await e.StatusOfAsync("erp-prod"));
    }
}
