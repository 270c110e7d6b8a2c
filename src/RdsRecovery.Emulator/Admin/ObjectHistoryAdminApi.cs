namespace RdsRecovery.Emulator.Admin;

/// <summary>
/// Admin endpoints for database- and table-level restores (README.md): what an instance holds (databases, schemas,
/// tables and their data version markers) at a time, history arranged after the fact (databases and tables created or
/// dropped at given times, table markers), fast-restore support, and the service's limits.
/// </summary>
internal sealed class ObjectHistoryAdminApi(EmulatorServices services)
{
    public void Register(Router router)
    {
        const RouteAccess admin = RouteAccess.Admin;
        router.Add("GET", "/_emulator/instances/{instance_id}/tables", admin, Tables);
        router.Add("POST", "/_emulator/instances/{instance_id}/history", admin, History);
        router.Add("PUT", "/_emulator/instances/{instance_id}/fast-restore", admin, PutFastRestore);
        router.Add("GET", "/_emulator/restore-limits", admin, GetLimits);
        router.Add("PUT", "/_emulator/restore-limits", admin, PutLimits);
    }

    /// <summary><c>?at=</c> (Unix ms or yyyy-mm-ddThh:mm:ssZ, default now): every database with its marker and tables.</summary>
    private Task Tables(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var at = Query.String(context, "at") is { } text ? Time(JsonValue.Create(text), "at") : WireTime.NowMs();
        return WriteView(context, AdminRequest.Instance(services, values["instance_id"]), at);
    }

    private Task WriteView(HttpContext context, InstanceRecord instance, long at)
    {
        var (state, tables) = services.Store.Read(c => (EmulatorStore.StateAt(c, instance, at), EmulatorStore.TablesAt(c, instance, at)));
        var databases = (state?.Databases ?? Array.Empty<DatabaseEntry>()).Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["data_version"] = d.Version,
            ["tables"] = new JsonArray(tables.Where(t => string.Equals(t.Database, d.Name, StringComparison.OrdinalIgnoreCase))
                .Select(t => (JsonNode)new JsonObject { ["schema"] = t.Schema.Length == 0 ? null : t.Schema, ["name"] = t.Name, ["data_version"] = t.Marker })
                .ToArray()),
        }).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["instance_id"] = instance.Id,
            ["name"] = instance.Name,
            ["at"] = WireTime.Iso(at),
            ["databases"] = new JsonArray(databases),
        });
    }

    /// <summary>
    /// Body {"events":[{"at", "action":"create"|"drop", "database", "schema"?, "table"?, "marker"?}]}: without "table" the
    /// event is about the database (every data state from "at" on gains or loses it); with "table", about that table
    /// ("schema" is for PostgreSQL; MySQL tables have none). "marker" gives a created database or table a data version of its own.
    /// </summary>
    private Task History(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        if (AdminRequest.Body(context)["events"] is not JsonArray events || events.Count == 0) throw ApiException.Parameter("Give 'events': a non-empty array.");
        var parsed = events.Select((e, i) => Event(e as JsonObject ?? throw ApiException.Parameter($"events[{i}] must be an object."), i, instance)).ToList();
        services.Store.Write(c =>
        {
            foreach (var e in parsed.OrderBy(e => e.Table.AtMs))
            {
                if (e.IsTable) EmulatorStore.InsertTableEvent(c, instance.Id, e.Table);
                else if (!EmulatorStore.EditDatabase(c, instance, e.Table.AtMs, e.Table.Database, !e.Table.Dropped, e.Table.Marker))
                    throw ApiException.Parameter($"{instance.Name} did not exist at {WireTime.Iso(e.Table.AtMs)}.");
            }
        });
        return WriteView(context, instance, WireTime.NowMs());
    }

    private static (bool IsTable, TableEvent Table) Event(JsonObject e, int i, InstanceRecord instance)
    {
        var action = Text(e, "action", i, required: true);
        if (action is not ("create" or "drop")) throw ApiException.Parameter($"events[{i}].action must be 'create' or 'drop'.");
        var table = Text(e, "table", i, required: false);
        var schema = Text(e, "schema", i, required: false);
        if (instance.Engine == "MySQL" && schema is not null) throw ApiException.Parameter($"events[{i}].schema: MySQL tables have no schema.");
        if (instance.Engine == "PostgreSQL" && table is not null) schema ??= "public";
        if (table is null && schema is not null) throw ApiException.Parameter($"events[{i}].schema needs a table.");
        var marker = Text(e, "marker", i, required: false);
        if (action == "drop" && marker is not null) throw ApiException.Parameter($"events[{i}].marker is for 'create' only.");
        return (table is not null, new TableEvent(Text(e, "database", i, required: true)!, schema ?? "", table ?? "", Time(e["at"], $"events[{i}].at"), action == "drop", marker));
    }

    private Task PutFastRestore(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        var body = AdminRequest.Body(context);
        var database = Flag(body, "database");
        var table = Flag(body, "table");
        services.Store.Write(c => EmulatorStore.SetFastRestore(c, instance.Id, database, table));
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["instance_id"] = instance.Id, ["database"] = database, ["table"] = table });
    }

    private Task GetLimits(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var limits = services.Store.Limits();
        return JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["database_limit"] = limits.DatabaseLimit,
            ["database_table_limit"] = limits.DatabaseTableLimit,
            ["table_limit"] = limits.TableLimit,
        });
    }

    private Task PutLimits(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = AdminRequest.Body(context);
        var current = services.Store.Limits();
        services.Store.SetLimits(new RestoreLimits(AdminRequest.WholeNumber(body, "database_limit", 1) ?? current.DatabaseLimit,
            AdminRequest.WholeNumber(body, "database_table_limit", 1) ?? current.DatabaseTableLimit, AdminRequest.WholeNumber(body, "table_limit", 1) ?? current.TableLimit));
        return GetLimits(context, values);
    }

    private static bool Flag(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw ApiException.Parameter($"Give '{name}': true or false.");

    private static string? Text(JsonObject e, string name, int i, bool required)
    {
        if (e[name] is null) return required ? throw ApiException.Parameter($"events[{i}].{name} is required.") : null;
        if (e[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0) return v.GetValue<string>();
        throw ApiException.Parameter($"events[{i}].{name} must be a non-empty string.");
    }

    /// <summary>Unix milliseconds, or text like 2026-11-30T10:00:00Z (an offset is required; never read as local time).</summary>
    private static long Time(JsonNode? node, string label)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var ms) && ms >= 0) return ms;
        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            var text = s.GetValue<string>();
            if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
            if (WireTime.TryParse(text, out var time)) return time;
        }
        throw ApiException.Parameter($"{label} must be Unix milliseconds or yyyy-mm-ddThh:mm:ssZ.");
    }
}
