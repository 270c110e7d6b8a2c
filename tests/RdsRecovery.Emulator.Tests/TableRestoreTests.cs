using System.Net;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>RestoreTablesNew (MySQL, v3.1) and BatchRestorePostgreSqlTables: the job, what lands where, and every refusal.</summary>
public sealed class TableRestoreTests
{
    private const string PgPath = "instances/batch/restore/tables";

    private static string MySqlPath(string instance) => $"instances/{RunningEmulator.Id(instance)}/restore/tables";

    [Fact]
    public async Task A_MySql_table_comes_back_beside_the_original_with_its_marker_at_the_restore_time()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 500);
        var changed = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
        await e.History("erp-prod", new { at = changed, action = "create", database = "erp", table = "orders", marker = "orders-before-deploy" },
            new { at = changed + 60_000, action = "create", database = "erp", table = "orders", marker = "orders-after-deploy" });
        var at = changed + 30_000;
        var answer = await e.PostOk(MySqlPath("erp-prod"), MySqlTables(at, "erp", ("orders", "orders_back"), ("customers", "customers_back")), "v3.1");
        var jobId = answer["job_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", jobId);
        Assert.Equal("RESTORING", await e.StatusOfAsync("erp-prod"));

        var job = await e.WaitForJobAsync(jobId);
        Assert.Equal(("Completed", "RestoreTablesInInstance"), (job["status"]!.GetValue<string>(), job["name"]!.GetValue<string>()));
        var erp = Database(await e.TablesView("erp-prod"), "erp");
        Assert.Equal(new[] { "orders", "customers", "audit_log", "orders_back", "customers_back" }, TableNames(erp));
        string Marker(string table) => erp["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == table)!["data_version"]!.GetValue<string>();
        Assert.Equal("orders-after-deploy", Marker("orders"));
        Assert.Equal("orders-before-deploy", Marker("orders_back"));
        Assert.Equal("erp-prod@" + Iso(at), Marker("customers_back"));
        Assert.DoesNotContain("orders_back", TableNames(Database(await e.TablesView("erp-prod"), "erp_audit")));
    }

    [Fact]
    public async Task A_MySql_table_missing_at_that_time_is_accepted_and_the_job_fails_as_the_service_does()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 300);
        var answer = await e.PostOk(MySqlPath("erp-prod"), MySqlTables(TenMinutesAgo(), "erp", ("orders", "orders_back"), ("nope", "nope_back")), "v3.1");
        var job = await e.WaitForJobAsync(answer["job_id"]!.GetValue<string>());
        Assert.Equal("Failed", job["status"]!.GetValue<string>());
        Assert.Contains("erp.nope", job["fail_reason"]!.GetValue<string>());
        Assert.DoesNotContain("orders_back", TableNames(Database(await e.TablesView("erp-prod"), "erp")));
    }

    [Fact]
    public async Task A_PostgreSql_table_comes_back_in_its_schema_and_the_answer_lists_the_job_per_instance()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 500);
        var at = TenMinutesAgo();
        var answer = await e.PostOk(PgPath, PostgreSqlTables("crm-pg12-prod", at, "crm", "audit", ("events", "events_back")));
        var result = answer["restore_result"]!.AsArray().Single()!;
        Assert.Equal(RunningEmulator.Id("crm-pg12-prod"), result["instance_id"]!.GetValue<string>());
        var job = await e.WaitForJobAsync(result["job_id"]!.GetValue<string>());
        Assert.Equal("Completed", job["status"]!.GetValue<string>());
        var crm = Database(await e.TablesView("crm-pg12-prod"), "crm");
        Assert.Contains("audit.events_back", TableNames(crm));
        Assert.DoesNotContain("public.events_back", TableNames(crm));
        var restored = crm["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "events_back")!;
        Assert.Equal("crm-pg12-prod@" + Iso(at), restored["data_version"]!.GetValue<string>());
        var listed = await e.PostOk("postgresql/instances/history/tables", new { instance_ids = new[] { RunningEmulator.Id("crm-pg12-prod") }, restore_time = TenMinutesAgo(), table_name_like = "events" });
        Assert.Equal(1, listed["instances"]![0]!["total_tables"]!.GetValue<int>());   // not yet there ten minutes ago
    }

    public static TheoryData<string, string, string, string, HttpStatusCode, string> MySqlRefusals() => new()
    {
        { "crm-pg12-prod", "crm", "orders", "orders_back", HttpStatusCode.BadRequest, "DBS.200040" },  // the v3.1 table API is MySQL only
        { "erp-prod", "nodb", "orders", "orders_back", HttpStatusCode.BadRequest, "DBS.280128" },     // the database did not exist
        { "erp-prod", "erp", "orders", "customers", HttpStatusCode.BadRequest, "DBS.201035" },        // the new table exists now
        { "erp-prod", "erp", "orders", "ORDERS", HttpStatusCode.BadRequest, "DBS.201035" },           // new name = old name
        { "erp-prod", "erp", "orders", "orders back", HttpStatusCode.BadRequest, "DBS.200001" },      // grammar
        { "erp-prod", "erp", "orders", "orders_back", HttpStatusCode.OK, "" },
    };

    [Theory]
    [MemberData(nameof(MySqlRefusals))]
    public async Task Each_MySql_rule_answers_its_code(string instance, string database, string oldName, string newName, HttpStatusCode status, string code)
    {
        await using var e = await RunningEmulator.StartAsync();
        var body = MySqlTables(TenMinutesAgo(), database, (oldName, newName));
        if (status == HttpStatusCode.OK) await e.PostOk(MySqlPath(instance), body, "v3.1");
        else Assert.Equal((status, code), await e.PostError(MySqlPath(instance), body, "v3.1"));
    }

    public static TheoryData<string, string, string, string, string, HttpStatusCode, string> PostgreSqlRefusals() => new()
    {
        { "erp-prod", "erp", "public", "orders", "orders_back", HttpStatusCode.BadRequest, "DBS.200040" },      // the batch table API is PostgreSQL only
        { "crm-pg12-prod", "nodb", "public", "orders", "orders_back", HttpStatusCode.BadRequest, "DBS.280128" },
        { "crm-pg12-prod", "crm", "audit", "orders", "orders_back", HttpStatusCode.BadRequest, "DBS.280128" },   // orders is in public, not audit
        { "crm-pg12-prod", "crm", "public", "orders", "customers", HttpStatusCode.BadRequest, "DBS.201035" },
        { "crm-pg12-prod", "crm", "public", "orders", "orders-back", HttpStatusCode.BadRequest, "DBS.200001" },
        { "crm-pg12-prod", "crm", "public", "orders", "9orders", HttpStatusCode.BadRequest, "DBS.200001" },
        { "crm-pg12-prod", "crm", "audit", "events", "orders", HttpStatusCode.OK, "" },                          // a name free in its own schema
    };

    [Theory]
    [MemberData(nameof(PostgreSqlRefusals))]
    public async Task Each_PostgreSql_rule_answers_its_code(string instance, string database, string schema, string oldName, string newName, HttpStatusCode status, string code)
    {
        await using var e = await RunningEmulator.StartAsync();
        var body = PostgreSqlTables(instance, TenMinutesAgo(), database, schema, (oldName, newName));
        if (status == HttpStatusCode.OK) await e.PostOk(PgPath, body);
        else Assert.Equal((status, code), await e.PostError(PgPath, body));
    }

    [Fact]
    public async Task Shape_time_busy_limits_and_fast_restore_are_checked()
    {
        await using var e = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 600_000);
        var erp = MySqlPath("erp-prod");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200006"), await e.PostError(erp, "", "v3.1"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(erp, new { restore_tables = Array.Empty<object>(), restore_time = TenMinutesAgo() }, "v3.1"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(erp, MySqlTables(TenMinutesAgo(), "erp", ("orders", "x"), ("customers", "x")), "v3.1"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.201203"), await e.PostError(erp, MySqlTables(DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds(), "erp", ("orders", "x")), "v3.1"));
        Assert.Equal((HttpStatusCode.NotFound, "DBS.200002"), await e.PostError("instances/nosuchin01/restore/tables", MySqlTables(TenMinutesAgo(), "erp", ("orders", "x")), "v3.1"));
        await e.AdminJsonAsync(HttpMethod.Put, "restore-limits", "{\"table_limit\":1}");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(erp, MySqlTables(TenMinutesAgo(), "erp", ("orders", "a"), ("customers", "b")), "v3.1"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(erp,
            new { restore_time = TenMinutesAgo(), is_fast_restore = true, restore_tables = new[] { new { database = "erp", tables = new[] { new { old_name = "orders", new_name = "a" } } } } }, "v3.1"));
        await e.PostOk(MySqlPath("shop-mysql80-prod"),
            new { restore_time = TenMinutesAgo(), is_fast_restore = true, restore_tables = new[] { new { database = "shop", tables = new[] { new { old_name = "orders", new_name = "a" } } } } }, "v3.1");
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200011"), await e.PostError(MySqlPath("shop-mysql80-prod"), MySqlTables(TenMinutesAgo(), "shop", ("orders", "b")), "v3.1"));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.200011"), await e.PostError("instances/batch/restore/databases", DatabaseRestore("shop-mysql80-prod", TenMinutesAgo(), ("shop", "c"))));
    }

    [Fact]
    public async Task The_PostgreSql_batch_checks_its_shape()
    {
        await using var e = await RunningEmulator.StartAsync();
        var one = PostgreSqlTables("crm-pg12-prod", TenMinutesAgo(), "crm", "public", ("orders", "orders_back"));
        var item = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(one))!["instances"]![0]!;
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(PgPath, $"{{\"instances\":[{item.ToJsonString()},{item.ToJsonString()}]}}"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(PgPath,
            new { instances = new[] { new { restore_time = TenMinutesAgo(), instance_id = RunningEmulator.Id("crm-pg12-prod"), databases = new[] { new { database = "crm" } } } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await e.PostError(PgPath, PostgreSqlTables("crm-pg12-prod", TenMinutesAgo(), "crm", "public", ("orders", "a"), ("orders", "b"))));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200006"), await e.PostError(PgPath, " "));
    }

    [Fact]
    public async Task The_old_v3_table_path_is_not_the_v31_one()
    {
        await using var e = await RunningEmulator.StartAsync();
        var (status, code) = await e.PostError(MySqlPath("erp-prod"), MySqlTables(TenMinutesAgo(), "erp", ("orders", "x")));
        Assert.Equal((HttpStatusCode.NotFound, "APIGW.0101"), (status, code));
    }
}
