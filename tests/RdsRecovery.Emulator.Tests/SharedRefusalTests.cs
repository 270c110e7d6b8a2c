using System.Net;
using System.Text;
using System.Text.Json;
using RdsRecovery.Emulator.Tests.Infrastructure;
using static RdsRecovery.Emulator.Tests.Infrastructure.PartialRestoreCalls;

namespace RdsRecovery.Emulator.Tests;

/// <summary>
/// The refusals several APIs share one implementation of (the body checks of JsonBody, the admin body and number
/// checks of AdminRequest, the listed query values of Query.OneOf, next-restore and next-backup of ArrangedOutcomeAdmin): each API still says, word for word,
/// which field is wrong and how, with its status and code. Nothing is accepted on the way.
/// </summary>
public sealed class SharedRefusalTests : IAsyncLifetime
{
    private RunningEmulator _e = null!;

    public async Task InitializeAsync() => _e = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _e.DisposeAsync();

    private static object ErpTwice(long at)
    {
        var one = new { restore_time = at, instance_id = RunningEmulator.Id("erp-prod"), databases = new[] { new { old_name = "erp", new_name = "erp_a" } } };
        return new { instances = new[] { one, one } };
    }

    [Fact]
    public async Task A_list_naming_one_thing_twice_is_refused_with_the_lists_path()
    {
        var at = TenMinutesAgo();
        var pgTwice = PostgreSqlTables("crm-pg12-prod", at, "crm", "public", ("orders", "orders_a"));
        var pgInstance = JsonSerializer.SerializeToNode(pgTwice)!["instances"]![0]!;
        await AssertRefused(_e.Post("instances/batch/restore/databases", ErpTwice(at)), "Parameter error: instances names an instance twice.");
        await AssertRefused(_e.Post("instances/batch/restore/databases", DatabaseRestore("erp-prod", at, ("erp", "erp_a"), ("ERP", "erp_b"))),
            "Parameter error: instances[0].databases names a database twice.");
        await AssertRefused(_e.Post($"instances/{RunningEmulator.Id("erp-prod")}/restore/tables", MySqlTables(at, "erp", ("orders", "a"), ("Orders", "b")), "v3.1"),
            "Parameter error: restore_tables names a table twice.");
        await AssertRefused(_e.Post("instances/batch/restore/tables", new { instances = new[] { pgInstance.DeepClone(), pgInstance.DeepClone() } }),
            "Parameter error: instances names an instance twice.");
        await AssertRefused(_e.Post("mysql/instances/history/databases", HistoryBody(at, "erp-prod", "erp-prod")),
            "Parameter error: instance_ids names an instance twice.");
        Assert.Equal("ACTIVE", await _e.StatusOfAsync("erp-prod"));
        Assert.Equal("ACTIVE", await _e.StatusOfAsync("crm-pg12-prod"));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "DBS.200006", "The request is null.")]
    [InlineData("{", HttpStatusCode.BadRequest, "DBS.200001", "Parameter error: the request body is not valid JSON.")]
    [InlineData("[]", HttpStatusCode.BadRequest, "DBS.200001", "Parameter error: the request body must be a JSON object.")]
    [InlineData("{\"source\":{},\"target\":{}}", HttpStatusCode.BadRequest, "DBS.200001", "Parameter error: source.instance_id is required.")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":1},\"target\":{\"instance_id\":\"b\"}}", HttpStatusCode.BadRequest, "DBS.200001",
        "Parameter error: source.type must be a string.")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"timestamp\",\"restore_time\":\"1\"},\"target\":{\"instance_id\":\"b\"}}", HttpStatusCode.BadRequest,
        "DBS.200001", "Parameter error: source.restore_time must be a UNIX timestamp in milliseconds.")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"timestamp\"},\"target\":{\"instance_id\":\"b\"}}", HttpStatusCode.BadRequest, "DBS.200001",
        "Parameter error: source.restore_time is required when source.type is timestamp.")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"backup_id\":\"x\",\"restore_all_database\":\"yes\"},\"target\":{\"instance_id\":\"b\"}}",
        HttpStatusCode.BadRequest, "DBS.200001", "Parameter error: source.restore_all_database must be a boolean.")]
    public async Task An_instance_restore_body_is_checked_field_by_field(string body, HttpStatusCode status, string code, string message)
    {
        var (actualStatus, actualCode, actualMessage, response) = await RunningEmulator.ErrorOf(_e.RestoreAsync(body, version: "v3.1"));
        response.Dispose();
        Assert.Equal((status, code, message), (actualStatus, actualCode, actualMessage));
    }

    [Theory]
    [InlineData("backups?instance_id={erp}&backup_type=weekly", "Parameter error: backup_type 'weekly' is not one of auto, manual, fragment, incremental.")]
    [InlineData("backups?instance_id={erp}&backup_type=auto&status=DONE", "Parameter error: status 'DONE' is not one of BUILDING, COMPLETED, FAILED, DELETING.")]
    [InlineData("instances?datastore_type=mysql", "Parameter error: datastore_type 'mysql' is not one of MySQL, PostgreSQL, SQLServer, MariaDB.")]
    [InlineData("instances?type=ha", "Parameter error: type 'ha' is not one of Single, Ha, Replica.")]
    [InlineData("instances?name=*&datastore_type=Oracle", "Parameter error: name '*' alone is not allowed.")]
    public async Task A_query_value_outside_its_list_is_refused_with_the_list(string relative, string message)
    {
        var (status, code, actual, response) = await RunningEmulator.ErrorOf(_e.GetAsync(relative.Replace("{erp}", RunningEmulator.Id("erp-prod"), StringComparison.Ordinal)));
        response.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001", message), (status, code, actual));
    }

    [Theory]
    [InlineData("PUT", "restore-limits", "{\"table_limit\":0}", "'table_limit' must be a whole number >= 1.")]
    [InlineData("PUT", "settings", "{\"job_duration_ms\":-1}", "'job_duration_ms' must be a whole number >= 0.")]
    [InlineData("PUT", "settings", "[1]", "The body must be a JSON object.")]
    [InlineData("PUT", "instances/{erp}/next-restore", "{", "The body is not valid JSON.")]
    [InlineData("PUT", "instances/{erp}/next-restore", "{}", "Give 'fail_reason' and/or 'duration_ms'.")]
    [InlineData("PUT", "instances/{erp}/next-backup", "{\"fail_reason\":\"\"}", "'fail_reason' must not be empty.")]
    [InlineData("PUT", "instances/{erp}/next-backup", "{\"duration_ms\":1.5}", "'duration_ms' must be a whole number >= 0.")]
    [InlineData("PUT", "instances/{erp}/fast-restore", "{\"database\":true}", "Give 'table': true or false.")]
    public async Task An_admin_body_is_checked_the_same_way_on_every_endpoint(string method, string relative, string body, string message)
    {
        var (status, code, actual) = await Admin(method, relative.Replace("{erp}", RunningEmulator.Id("erp-prod"), StringComparison.Ordinal), body);
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001", message), (status, code, actual));
    }

    [Theory]
    [InlineData("next-restore")]
    [InlineData("next-backup")]
    public async Task Next_restore_and_next_backup_arrange_show_and_clear_alike_by_id_or_name(string segment)
    {
        var arranged = await _e.AdminJsonAsync(HttpMethod.Put, $"instances/erp-staging/{segment}", "{\"fail_reason\":\"disk\",\"duration_ms\":5}");
        Assert.Equal("{\"instance_id\":\"" + RunningEmulator.Id("erp-staging") + "\",\"arranged\":true,\"fail_reason\":\"disk\",\"duration_ms\":5}",
            arranged.ToJsonString());
        using (var deleted = await _e.Http.DeleteAsync($"/_emulator/instances/{RunningEmulator.Id("erp-staging")}/{segment}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var cleared = await _e.AdminJsonAsync(HttpMethod.Get, $"instances/erp-staging/{segment}");
        Assert.Equal("{\"instance_id\":\"" + RunningEmulator.Id("erp-staging") + "\",\"arranged\":false,\"fail_reason\":null,\"duration_ms\":null}",
            cleared.ToJsonString());
        var (status, code, message) = await Admin("GET", $"instances/no-such-instance/{segment}", null);
        Assert.Equal((HttpStatusCode.NotFound, "DBS.200002", "The DB instance does not exist: no-such-instance."), (status, code, message));
    }

    private async Task<(HttpStatusCode Status, string Code, string Message)> Admin(string method, string relative, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/_emulator/" + relative);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var (status, code, message, response) = await RunningEmulator.ErrorOf(_e.Http.SendAsync(request));
        response.Dispose();
        return (status, code, message);
    }

    private static async Task AssertRefused(Task<HttpResponseMessage> call, string message)
    {
        var (status, code, actual, response) = await RunningEmulator.ErrorOf(call);
        response.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001", message), (status, code, actual));
    }
}
