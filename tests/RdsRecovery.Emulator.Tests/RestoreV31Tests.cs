using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The v3.1 route: its own rules and answers, beside the unchanged v3 route; and the rules both share.</summary>
public sealed class RestoreV31Tests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static object Body(string source, string target, object? databases = null, bool? restoreAll = null)
    {
        var src = new Dictionary<string, object> { ["instance_id"] = RunningEmulator.Id(source), ["type"] = "backup", ["backup_id"] = RunningEmulator.BackupId(source, 0) };
        if (databases is not null) src["database_name"] = databases;
        if (restoreAll is not null) src["restore_all_database"] = restoreAll.Value;
        return new { source = src, target = new { instance_id = RunningEmulator.Id(target) } };
    }

    private async Task<(HttpStatusCode Status, string Text)> Post(string version, object body)
    {
        using var response = await _emulator.RestoreAsync(body, version: version);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task Accepted(string version, object body)
    {
        var (status, text) = await Post(version, body);
        var expected = version == "v3.1" ? HttpStatusCode.Accepted : HttpStatusCode.OK;
        Assert.True(status == expected, $"{version}: expected {(int)expected}, got {(int)status} {text}");
        Assert.Matches("^[0-9a-f]{32}$", JsonNode.Parse(text)!["job_id"]!.GetValue<string>());
        await _emulator.AdminJsonAsync(HttpMethod.Post, "reset");
    }

    private async Task Refused(string version, object body, string code)
    {
        var (status, text) = await Post(version, body);
        Assert.True(status == HttpStatusCode.BadRequest, $"{version}: expected 400, got {(int)status} {text}");
        Assert.Equal(code, JsonNode.Parse(text)!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task V31_answers_202_and_v3_answers_200() 
    {
        await Accepted("v3.1", Body("erp-prod", "erp-staging"));
        await Accepted("v3", Body("erp-prod", "erp-staging"));
    }

    [Fact]
    public async Task V31_restores_every_SQL_Server_database_only_when_restore_all_database_is_true()
    {
        await Refused("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-staging"), "DBS.200001");
        await Refused("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-staging", restoreAll: false), "DBS.200001");
        await Refused("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-staging", new Dictionary<string, string> { ["staging"] = "staging_copy" }, restoreAll: true), "DBS.200001");
        await Accepted("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-staging", restoreAll: true));
        await Accepted("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-staging", new Dictionary<string, string> { ["staging"] = "staging_copy" }));
        await Accepted("v3", Body("dw-sql2017-ee", "dw-sql2017-ee-staging"));
    }

    [Theory]
    [InlineData("erp-prod", "erp-reporting", true, true)]              // 5.7.38 -> 5.7.41: a higher minor version is fine on v3.1
    [InlineData("erp-reporting", "erp-staging", true, false)]          // 5.7.41 -> 5.7.38: lower
    [InlineData("shop-mysql80-prod", "shop-mysql80-new", true, false)] // 8.0.28 -> 8.0.32: 8.0 needs the same minor version
    [InlineData("ops-sql2017-se", "ops-sql2019-ee", false, true)]      // OTC row, not in the seed table
    [InlineData("bi-sql2016-web", "bi-sql2016-se", true, false)]       // 2016 Web: no current document lists it
    public async Task Versions_follow_each_routes_rules(string source, string target, bool v3, bool v31)
    {
        var body = Body(source, target, restoreAll: source.Contains("sql") ? true : null);
        if (v3) await Accepted("v3", body); else await Refused("v3", body, "DBS.201207");
        if (v31) await Accepted("v3.1", body); else await Refused("v3.1", body, "DBS.201207");
    }

    [Fact]
    public async Task V31_refuses_PostgreSQL_into_itself_a_DR_target_and_SQL_Server_across_time_zones()
    {
        await Refused("v3.1", Body("crm-pg12-prod", "crm-pg12-prod"), "DBS.200001");
        await Accepted("v3", Body("crm-pg12-prod", "crm-pg12-prod"));
        await Refused("v3.1", Body("crm-pg12-prod", "crm-pg12-dr"), "DBS.200001");
        await Accepted("v3.1", Body("crm-pg12-prod", "crm-pg12-with-replica"));
        await Accepted("v3", Body("crm-pg12-prod", "crm-pg12-dr"));
        await Refused("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee-utc", restoreAll: true), "DBS.200001");
        await Accepted("v3", Body("dw-sql2017-ee", "dw-sql2017-ee-utc"));
        await Accepted("v3.1", Body("dw-sql2017-ee", "dw-sql2017-ee", restoreAll: true));
    }

    [Fact]
    public async Task The_volume_rule_covers_MySQL_only_on_v31()
    {
        await Refused("v3", Body("billing-pg14-staging", "billing-pg14-prod"), "DBS.280001");
        await Accepted("v3.1", Body("billing-pg14-staging", "billing-pg14-prod"));
        await Refused("v3.1", Body("erp-prod", "erp-dev-small"), "DBS.280001");
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v3.1")]
    public async Task Both_routes_refuse_cross_region_and_a_kept_name_already_on_the_target(string version)
    {
        await Refused(version, Body("erp-prod", "ledger-other-region"), "DBS.200001");
        // The target already holds 'dw' (here: it is the source itself): restoring 'dw' under its original name clashes, it never replaces it.
        await Refused(version, Body("dw-sql2017-ee", "dw-sql2017-ee", new Dictionary<string, string> { ["dw"] = "" }), "DBS.201035");
    }

    [Theory]
    [InlineData("sales-copy", "DBS.200001", true)]
    [InlineData("sales_a,sales_b", "DBS.200001", true)]
    [InlineData("sales,sales_b", "DBS.200001", true)]
    [InlineData("x_a,X_A", "DBS.200001", false)]
    [InlineData("sales_a,my_msdb", "DBS.200001", false)]
    public async Task New_names_on_v31_allow_hyphens_and_several_copies(string newNames, string v3Code, bool v31)
    {
        var body = Body("bi-sql2016-web", "bi-sql2016-se", new Dictionary<string, string> { ["sales"] = newNames });
        await Refused("v3", body, v3Code);
        // 2016 Web has no v3.1 row: use a 2017 Web source with the same database for the v3.1 side.
        var v31Body = Body("bi-sql2017-web", "ops-sql2017-se", new Dictionary<string, string> { ["sales"] = newNames });
        if (v31) await Accepted("v3.1", v31Body); else await Refused("v3.1", v31Body, "DBS.200001");
    }

    [Fact]
    public async Task A_65_character_name_is_too_long_on_v31_only()
    {
        var name = new string('n', 65);
        await Accepted("v3", Body("bi-sql2016-web", "bi-sql2016-se", new Dictionary<string, string> { ["sales"] = name }));
        await Refused("v3.1", Body("bi-sql2017-web", "ops-sql2017-se", new Dictionary<string, string> { ["sales"] = name }), "DBS.200001");
    }

    [Fact]
    public async Task The_fleet_shows_relations_regions_and_time_zones()
    {
        var dr = (await _emulator.GetJsonAsync("instances?id=" + RunningEmulator.Id("crm-pg12-dr")))["instances"]![0]!;
        Assert.Equal("dr", dr["related_instance"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(RunningEmulator.Id("crm-pg12-prod"), dr["related_instance"]![0]!["id"]!.GetValue<string>());
        var other = (await _emulator.GetJsonAsync("instances?id=" + RunningEmulator.Id("ledger-other-region")))["instances"]![0]!;
        Assert.Equal("cn-east-3", other["region"]!.GetValue<string>());
        var utc = (await _emulator.GetJsonAsync("instances?id=" + RunningEmulator.Id("dw-sql2017-ee-utc")))["instances"]![0]!;
        Assert.Equal("UTC", utc["time_zone"]!.GetValue<string>());
    }
}
