using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>
/// A database dropped after a point in time is still restorable to that point (the classic reason for a PITR),
/// and backups keep the list they were taken with: what the client's DatabaseToRestoreExists rule judges on.
/// </summary>
public sealed class DroppedDatabaseTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<JsonObject> DropAllBut(string instance, params string[] keep) =>
        _emulator.AdminJsonAsync(HttpMethod.Put, $"instances/{RunningEmulator.Id(instance)}/databases",
            new JsonObject { ["databases"] = new JsonArray(keep.Select(k => (JsonNode)k).ToArray()) }.ToJsonString());

    private static object PointInTime(string source, string target, long at, object map) => new
    {
        source = new { instance_id = RunningEmulator.Id(source), type = "timestamp", restore_time = at, database_name = map },
        target = new { instance_id = RunningEmulator.Id(target) },
    };

    [Fact]
    public async Task A_dropped_database_is_gone_now_but_restorable_to_a_time_before_the_drop()
    {
        var beforeDrop = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        var data = await DropAllBut("bi-sql2016-web", "reporting");
        Assert.Equal(new[] { "reporting" }, data["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));

        var list = await _emulator.GetJsonAsync($"instances/{RunningEmulator.Id("bi-sql2016-web")}/database/detail?page=1&limit=100");
        Assert.DoesNotContain("sales", list["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));

        var jobId = await _emulator.RestoreAcceptedAsync(PointInTime("bi-sql2016-web", "bi-sql2016-se", beforeDrop, new { sales = "sales_back" }));
        Assert.Matches("^[0-9a-f]{32}$", jobId);
    }

    [Fact]
    public async Task A_backup_keeps_the_list_it_was_taken_with_after_a_drop()
    {
        await DropAllBut("bi-sql2016-web", "reporting");
        var backups = await _emulator.GetJsonAsync($"backups?instance_id={RunningEmulator.Id("bi-sql2016-web")}&backup_id={RunningEmulator.BackupId("bi-sql2016-web", 0)}");
        var names = backups["backups"]![0]!["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>());
        Assert.Contains("sales", names);
    }

    [Fact]
    public async Task A_name_created_after_the_restore_point_is_refused_as_not_in_the_restored_data()
    {
        var beforeCreate = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        await DropAllBut("bi-sql2016-web", "sales", "reporting", "sales_2027");
        var (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.RestoreAsync(
            PointInTime("bi-sql2016-web", "bi-sql2016-se", beforeCreate, new { sales_2027 = "sales_2027_back" })));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.280128"), (status, code));
    }

    [Fact]
    public async Task Anything_but_a_list_of_names_is_a_parameter_error()
    {
        var response = await _emulator.Http.PutAsync($"/_emulator/instances/{RunningEmulator.Id("bi-sql2016-web")}/databases",
            new StringContent("{\"databases\":\"sales\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
