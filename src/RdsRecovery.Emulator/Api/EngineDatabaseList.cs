namespace RdsRecovery.Emulator.Api;

/// <summary>
/// The databases an instance holds now, on the path every engine shares (<c>GET /v3/{project_id}/instances/{instance_id}/database/detail</c>):
/// MySQL answers <c>ListDatabasesResponse</c> {databases:[{name, character_set, comment}], total_count}; PostgreSQL answers
/// <c>ListPostgresqlDatabasesResponse</c> {databases:[{name, owner, character_set, collate_set, size, comment}], total_count} and
/// filters on <c>db</c> (exact name). System databases are not listed. Lets a client see which new names are taken now.
/// </summary>
internal static class EngineDatabaseList
{
    public static Task WriteAsync(HttpContext context, InstanceRecord instance, DataState? state, int page, int limit)
    {
        var all = (state?.Databases ?? Array.Empty<DatabaseEntry>()).ToList();
        var db = instance.Engine == "PostgreSQL" ? Query.String(context, "db") : null;
        if (db is not null) all = all.Where(d => d.Name == db).ToList();
        var selected = all.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * limit)).Take(limit);
        var databases = selected.Select(d => (JsonNode)(instance.Engine == "MySQL"
            ? new JsonObject { ["name"] = d.Name, ["character_set"] = d.CharacterSet, ["comment"] = "" }
            : new JsonObject
            {
                ["name"] = d.Name,
                ["owner"] = "root",
                ["character_set"] = d.CharacterSet,
                ["collate_set"] = "en_US.UTF-8",
                ["size"] = 8_388_608,
                ["comment"] = "",
            })).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["databases"] = new JsonArray(databases), ["total_count"] = all.Count });
    }
}
