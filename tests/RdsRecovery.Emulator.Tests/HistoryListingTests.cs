using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>ListHistoryDatabase and ListPostgresqlListHistoryTables: what existed at a time, in the SDK's answer shapes, and their refusals.</summary>
public sealed class HistoryListingTests : IAsyncLifetime
{
    private RunningEmulator _e = null!;

    public async Task InitializeAsync() => _e = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _e.DisposeAsync();

    [Fact]
    public async Task Databases_are_listed_with_table_counts_and_the_services_limits()
    {
        var answer = await _e.PostOk("mysql/instances/history/databases", HistoryBody(TenMinutesAgo(), "erp-prod"));
        Assert.Equal(2000, answer["database_limit"]!.GetValue<int>());
        Assert.Equal(20000, answer["table_limit"]!.GetValue<int>());
        var instance = answer["instances"]!.AsArray().Single()!;
        Assert.Equal(WellKnown.ErpProd, instance["id"]!.GetValue<string>());
        Assert.Equal("erp-prod", instance["name"]!.GetValue<string>());
        Assert.Equal(6, instance["total_tables"]!.GetValue<int>());
        Assert.Equal(new[] { ("erp", 3), ("erp_audit", 3) },
            instance["databases"]!.AsArray().Select(d => (d!["name"]!.GetValue<string>(), d["total_tables"]!.GetValue<int>())));
    }

    [Fact]
    public async Task A_database_dropped_later_is_listed_at_a_time_before_the_drop_only()
    {
        var dropAt = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds();
        await _e.History("erp-prod", new { at = dropAt, action = "drop", database = "erp_audit" });
        string[] Names(JsonObject a) => a["instances"]![0]!["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(new[] { "erp", "erp_audit" }, Names(await _e.PostOk("mysql/instances/history/databases", HistoryBody(dropAt - 60_000, "erp-prod"))));
        Assert.Equal(new[] { "erp" }, Names(await _e.PostOk("mysql/instances/history/databases", HistoryBody(TenMinutesAgo(), "erp-prod"))));
    }

    [Fact]
    public async Task A_restore_time_sent_as_a_string_of_digits_is_read_as_terraform_sends_it()
    {
        var at = TenMinutesAgo();
        var asNumber = await _e.PostOk("mysql/instances/history/databases", HistoryBody(at, "erp-prod"));
        var asText = await _e.PostOk("mysql/instances/history/databases",
            new { instance_ids = new[] { WellKnown.ErpProd }, restore_time = at.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(asNumber.ToJsonString(), asText.ToJsonString());
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError("mysql/instances/history/databases",
            new { instance_ids = new[] { WellKnown.ErpProd }, restore_time = "2026-11-30T10:00:00Z" }));
    }

    [Fact]
    public async Task The_name_filters_are_case_insensitive_substrings()
    {
        var answer = await _e.PostOk("MySQL/instances/history/databases", new
        {
            instance_ids = new[] { RunningEmulator.Id("erp-prod"), RunningEmulator.Id("erp-staging") },
            restore_time = TenMinutesAgo(),
            database_name_like = "AUDIT",
            instance_name_like = "prod",
        });
        var instance = answer["instances"]!.AsArray().Single()!;
        Assert.Equal("erp-prod", instance["name"]!.GetValue<string>());
        Assert.Equal(new[] { "erp_audit" }, instance["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        Assert.Equal(3, instance["total_tables"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostgreSql_tables_are_listed_per_database_and_schema()
    {
        var answer = await _e.PostOk("postgresql/instances/history/tables", new
        {
            instance_ids = new[] { RunningEmulator.Id("crm-pg12-prod") },
            restore_time = TenMinutesAgo(),
            table_name_like = "o",
        });
        Assert.Equal(2000, answer["table_limit"]!.GetValue<int>());
        var instance = answer["instances"]!.AsArray().Single()!;
        Assert.Equal(2, instance["total_tables"]!.GetValue<int>());
        var database = instance["databases"]!.AsArray().Single()!;
        Assert.Equal("crm", database["name"]!.GetValue<string>());
        Assert.Equal(2, database["total_tables"]!.GetValue<int>());
        var schema = database["schemas"]!.AsArray().Single()!;
        Assert.Equal("public", schema["name"]!.GetValue<string>());
        Assert.Equal(2, schema["total_tables"]!.GetValue<int>());
        Assert.Equal(new[] { "orders", "customers" }, schema["tables"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_table_created_after_the_time_is_not_listed()
    {
        var createdAt = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds();
        await _e.History("crm-pg12-prod", new { at = createdAt, action = "create", database = "crm", schema = "audit", table = "logins" });
        int Count(JsonObject a) => a["instances"]![0]!["total_tables"]!.GetValue<int>();
        Assert.Equal(3, Count(await _e.PostOk("postgresql/instances/history/tables", HistoryBody(createdAt - 60_000, "crm-pg12-prod"))));
        Assert.Equal(4, Count(await _e.PostOk("postgresql/instances/history/tables", HistoryBody(TenMinutesAgo(), "crm-pg12-prod"))));
    }

    [Theory]
    [InlineData("postgresql/instances/history/databases", "erp-prod", HttpStatusCode.BadRequest, "DBS.200040")]
    [InlineData("mysql/instances/history/databases", "dw-sql2017-ee", HttpStatusCode.BadRequest, "DBS.200040")]
    [InlineData("sqlserver/instances/history/databases", "dw-sql2017-ee", HttpStatusCode.BadRequest, "DBS.200001")]
    [InlineData("mysql/instances/history/tables", "erp-prod", HttpStatusCode.BadRequest, "DBS.200040")]
    [InlineData("crm/instances/history/tables", "crm-pg12-prod", HttpStatusCode.BadRequest, "DBS.200001")]
    public async Task The_engine_in_the_path_must_match_the_instance_and_the_api(string relative, string instance, HttpStatusCode status, string code) =>
        Assert.Equal((status, code), await _e.PostError(relative, HistoryBody(TenMinutesAgo(), instance)));

    [Fact]
    public async Task Refusals_name_the_service_codes()
    {
        const string path = "mysql/instances/history/databases";
        Assert.Equal((HttpStatusCode.NotFound, "DBS.200002"), await _e.PostError(path, new { instance_ids = new[] { "nosuchin01" }, restore_time = TenMinutesAgo() }));
        var tooOld = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.201203"), await _e.PostError(path, HistoryBody(tooOld, "erp-prod")));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.201203"), await _e.PostError(path, HistoryBody(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "erp-prod")));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError(path, new { instance_ids = new[] { WellKnown.ErpProd } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError(path, new { instance_ids = Array.Empty<string>(), restore_time = TenMinutesAgo() }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError(path, new { instance_ids = new[] { WellKnown.ErpProd }, restore_time = "yesterday" }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200006"), await _e.PostError(path, ""));
    }

    [Fact]
    public async Task The_current_databases_of_MySql_and_PostgreSql_are_listed_in_their_sdk_shapes()
    {
        await _e.AdminJsonAsync(HttpMethod.Put, $"instances/{WellKnown.ErpProd}/databases", "{\"databases\":[\"erp\",\"erp_2027\"]}");
        var mysql = await _e.GetJsonAsync($"instances/{WellKnown.ErpProd}/database/detail?page=1&limit=100");
        Assert.Equal(2, mysql["total_count"]!.GetValue<int>());
        Assert.Equal(new[] { "erp", "erp_2027" }, mysql["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        Assert.Equal("utf8mb4", mysql["databases"]![0]!["character_set"]!.GetValue<string>());
        var page2 = await _e.GetJsonAsync($"instances/{WellKnown.ErpProd}/database/detail?page=2&limit=1");
        Assert.Equal(("erp_2027", 2), (page2["databases"]![0]!["name"]!.GetValue<string>(), page2["total_count"]!.GetValue<int>()));

        var pg = await _e.GetJsonAsync($"instances/{RunningEmulator.Id("crm-pg12-prod")}/database/detail?page=1&limit=10&db=crm");
        var crm = pg["databases"]!.AsArray().Single()!;
        Assert.Equal(("crm", "UTF8"), (crm["name"]!.GetValue<string>(), crm["character_set"]!.GetValue<string>()));
        Assert.NotNull(crm["owner"]);
        var none = await _e.GetJsonAsync($"instances/{RunningEmulator.Id("crm-pg12-prod")}/database/detail?page=1&limit=10&db=nope");
        Assert.Equal(0, none["total_count"]!.GetValue<int>());
    }
}
