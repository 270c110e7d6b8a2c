using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RdsRecovery.Emulator.Tests.Infrastructure;

/// <summary>Calls of the database- and table-level APIs (signed), and their admin endpoints, for the tests.</summary>
internal static class PartialRestoreCalls
{
    /// <summary>A moment inside every seeded restorable range (now minus ten minutes), in Unix ms.</summary>
    public static long TenMinutesAgo() => DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();

    public static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> Post(this RunningEmulator e, string relative, object body, string version = "v3") =>
        e.SendAsync(HttpMethod.Post, $"/{version}/{e.ProjectId}/{relative}", body as string ?? JsonSerializer.Serialize(body));

    public static async Task<JsonObject> PostOk(this RunningEmulator e, string relative, object body, string version = "v3")
    {
        using var response = await e.Post(relative, body, version);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {relative}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<(HttpStatusCode Status, string Code)> PostError(this RunningEmulator e, string relative, object body, string version = "v3")
    {
        var (status, code, _, _) = await RunningEmulator.ErrorOf(e.Post(relative, body, version));
        return (status, code);
    }

    public static object HistoryBody(long at, params string[] instances) => new { instance_ids = instances.Select(RunningEmulator.Id).ToArray(), restore_time = at };

    public static object DatabaseRestore(string instance, long at, params (string Old, string New)[] databases) => new
    {
        instances = new[]
        {
            new { restore_time = at, instance_id = RunningEmulator.Id(instance), databases = databases.Select(d => new { old_name = d.Old, new_name = d.New }).ToArray() },
        },
    };

    public static object MySqlTables(long at, string database, params (string Old, string New)[] tables) => new
    {
        restore_time = at,
        restore_tables = new[] { new { database, tables = tables.Select(t => new { old_name = t.Old, new_name = t.New }).ToArray() } },
    };

    public static object PostgreSqlTables(string instance, long at, string database, string schema, params (string Old, string New)[] tables) => new
    {
        instances = new[]
        {
            new
            {
                restore_time = at, instance_id = RunningEmulator.Id(instance),
                databases = new[] { new { database, schemas = new[] { new { schema, tables = tables.Select(t => new { old_name = t.Old, new_name = t.New }).ToArray() } } } },
            },
        },
    };

    /// <summary>The admin view of an instance's databases and tables (with markers) now or at a time.</summary>
    public static Task<JsonObject> TablesView(this RunningEmulator e, string instance, long? at = null) =>
        e.AdminJsonAsync(HttpMethod.Get, $"instances/{RunningEmulator.Id(instance)}/tables" + (at is null ? "" : "?at=" + at));

    public static Task<JsonObject> History(this RunningEmulator e, string instance, params object[] events) =>
        e.AdminJsonAsync(HttpMethod.Post, $"instances/{RunningEmulator.Id(instance)}/history", JsonSerializer.Serialize(new { events }));

    public static JsonObject Database(JsonObject view, string name) =>
        view["databases"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["name"]!.GetValue<string>() == name);

    public static bool HasDatabase(JsonObject view, string name) =>
        view["databases"]!.AsArray().Any(d => d!["name"]!.GetValue<string>() == name);

    public static string[] TableNames(JsonObject database) =>
        database["tables"]!.AsArray().Select(t => (t!["schema"] is { } s ? s.GetValue<string>() + "." : "") + t["name"]!.GetValue<string>()).ToArray();
}
