using System.Net;
using System.Text;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>ListInstancesSupportFastRestore, and the admin endpoints that arrange table history, fast restore and limits.</summary>
public sealed class FastRestoreAndAdminTests : IAsyncLifetime
{
    private RunningEmulator _e = null!;

    public async Task InitializeAsync() => _e = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _e.DisposeAsync();

    [Fact]
    public async Task Fast_restore_support_is_listed_per_instance_with_a_text_time()
    {
        var answer = await _e.PostOk("instances/fast-restore", new
        {
            restore_time = "2026-06-25T11:35:40+0800",
            instance_ids = new[] { RunningEmulator.Id("shop-mysql80-prod"), WellKnown.ErpProd, RunningEmulator.Id("crm-pg12-prod") },
        });
        var list = answer["support_fast_restore_list"]!.AsArray();
        Assert.Equal(
            new[] { (RunningEmulator.Id("shop-mysql80-prod"), true, true), (WellKnown.ErpProd, false, false), (RunningEmulator.Id("crm-pg12-prod"), false, false) },
            list.Select(i => (i!["instance_id"]!.GetValue<string>(), i["is_support_fast_table_restore"]!.GetValue<bool>(), i["is_support_fast_database_restore"]!.GetValue<bool>())));

        await _e.AdminJsonAsync(HttpMethod.Put, $"instances/{WellKnown.ErpProd}/fast-restore", "{\"database\":false,\"table\":true}");
        var after = await _e.PostOk("instances/fast-restore", new { restore_time = "2026-06-25T03:35:40Z", instance_ids = new[] { WellKnown.ErpProd } });
        var erp = after["support_fast_restore_list"]![0]!;
        Assert.Equal((true, false), (erp["is_support_fast_table_restore"]!.GetValue<bool>(), erp["is_support_fast_database_restore"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Fast_restore_listing_refuses_a_millisecond_time_and_unknown_instances()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError("instances/fast-restore", new { restore_time = TenMinutesAgo(), instance_ids = new[] { WellKnown.ErpProd } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError("instances/fast-restore", new { restore_time = "2026-06-25T11:35:40", instance_ids = new[] { WellKnown.ErpProd } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), await _e.PostError("instances/fast-restore", new { restore_time = "2026-06-25T11:35:40Z" }));
        Assert.Equal((HttpStatusCode.NotFound, "DBS.200002"), await _e.PostError("instances/fast-restore", new { restore_time = "2026-06-25T11:35:40Z", instance_ids = new[] { "nosuchin01" } }));
    }

    [Fact]
    public async Task The_table_view_shows_the_seeded_tables_and_history_at_any_time()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds();
        var view = await _e.History("erp-prod",
            new { at = Iso(before), action = "drop", database = "erp", table = "audit_log" },
            new { at = before, action = "create", database = "erp_2026" },
            new { at = before + 1, action = "create", database = "erp_2026", table = "ledger", marker = "ledger-v1" });
        Assert.Equal(new[] { "orders", "customers" }, TableNames(Database(view, "erp")));
        Assert.Equal(new[] { "ledger" }, TableNames(Database(view, "erp_2026")));
        Assert.Equal("ledger-v1", Database(view, "erp_2026")["tables"]![0]!["data_version"]!.GetValue<string>());

        var earlier = await _e.TablesView("erp-prod", before - 60_000);
        Assert.Equal(new[] { "orders", "customers", "audit_log" }, TableNames(Database(earlier, "erp")));
        Assert.False(HasDatabase(earlier, "erp_2026"));
        Assert.Equal(new[] { "public.orders", "public.customers", "audit.events" }, TableNames(Database(await _e.TablesView("crm-pg12-prod"), "crm")));
    }

    [Fact]
    public async Task A_database_dropped_in_the_past_leaves_every_later_state_and_takes_its_tables()
    {
        var dropAt = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds();
        var view = await _e.History("erp-prod", new { at = dropAt, action = "drop", database = "erp_audit" });
        Assert.False(HasDatabase(view, "erp_audit"));
        var data = await _e.DataAsync("erp-prod");
        Assert.DoesNotContain("erp_audit", data["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        var recreated = await _e.History("erp-prod", new { at = dropAt + 60_000, action = "create", database = "erp_audit" });
        Assert.Empty(TableNames(Database(recreated, "erp_audit")));
    }

    [Theory]
    [InlineData("{\"events\":[]}")]
    [InlineData("{\"events\":[{\"at\":1,\"action\":\"rename\",\"database\":\"erp\"}]}")]
    [InlineData("{\"events\":[{\"action\":\"create\",\"database\":\"erp\"}]}")]
    [InlineData("{\"events\":[{\"at\":\"2026-01-01T00:00:00\",\"action\":\"create\",\"database\":\"erp\"}]}")]
    [InlineData("{\"events\":[{\"at\":1,\"action\":\"create\",\"database\":\"erp\",\"schema\":\"public\",\"table\":\"t\"}]}")]
    [InlineData("{\"events\":[{\"at\":1,\"action\":\"create\",\"database\":\"erp\"}]}")]
    public async Task Bad_history_is_refused(string body)
    {
        var response = await _e.Http.PostAsync($"/_emulator/instances/{WellKnown.ErpProd}/history", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("restore-limits", "{\"table_limit\":0}")]
    [InlineData("instances/erp-prod/fast-restore", "{\"database\":true}")]
    public async Task Bad_settings_are_refused(string path, string body)
    {
        var response = await _e.Http.PutAsync("/_emulator/" + path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
