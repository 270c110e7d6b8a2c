namespace RdsRecovery.Emulator.Api;

/// <summary>Reads of instances: the list, restorable time ranges and the SQL Server database list.</summary>
internal sealed class InstancesApi(EmulatorServices services)
{
    private static readonly string[] Engines = { "MySQL", "PostgreSQL", "SQLServer", "MariaDB" };
    private static readonly string[] Types = { "Single", "Ha", "Replica" };
    private static readonly string[] SystemDatabases = { "master", "model", "msdb", "tempdb" };

    /// <summary><c>GET /v3/{project_id}/instances</c></summary>
    public Task List(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var id = Query.String(context, "id");
        var name = Query.String(context, "name");
        if (name == "*") throw ApiException.Parameter("Parameter error: name '*' alone is not allowed.");
        var engine = Query.OneOf(context, "datastore_type", Engines);
        var type = Query.OneOf(context, "type", Types);
        var (offset, limit) = Query.Paging(context);

        services.Store.SettleDue(WireTime.NowMs());
        IEnumerable<InstanceRecord> found = services.Store.Instances();
        if (!string.IsNullOrEmpty(id)) found = found.Where(i => i.Id == id);
        if (!string.IsNullOrEmpty(name))
        {
            found = name.StartsWith('*')
                ? found.Where(i => i.Name.Contains(name[1..], StringComparison.Ordinal))
                : found.Where(i => i.Name == name);
        }
        if (engine is not null) found = found.Where(i => i.Engine == engine);
        if (type is not null) found = found.Where(i => i.Type == type);
        var all = found.ToList();
        var page = all.Skip(offset).Take(limit).Select(i => (JsonNode)InstanceJson.Instance(i, services.Options.Region)).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["instances"] = new JsonArray(page), ["total_count"] = all.Count });
    }

    /// <summary><c>GET /v3/{project_id}/instances/{instance_id}/restore-time</c>, optional <c>date=yyyy-mm-dd</c> (UTC day).</summary>
    public Task RestoreTimes(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Find(values["instance_id"]);
        var now = WireTime.NowMs();
        long from = long.MinValue, to = long.MaxValue;
        var date = Query.String(context, "date");
        if (date is not null)
        {
            if (!DateTime.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var day))
                throw ApiException.Parameter($"Parameter error: date '{date}' is not yyyy-mm-dd.");
            from = new DateTimeOffset(DateTime.SpecifyKind(day, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
            to = from + 86_400_000 - 1;
        }
        var ranges = new JsonArray();
        foreach (var window in instance.Windows)
        {
            var start = Math.Max(window.StartMs, from);
            var end = Math.Min(window.EndMs ?? now - RestoreValidator.LogDelayMs, to);
            if (start <= end) ranges.Add(new JsonObject { ["start_time"] = start, ["end_time"] = end });
        }
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["restore_time"] = ranges });
    }

    /// <summary><c>GET /v3/{project_id}/instances/{instance_id}/database/detail?page=&amp;limit=</c>: SQL Server here, MySQL and PostgreSQL in <see cref="EngineDatabaseList"/>.</summary>
    public Task Databases(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var page = Query.Int(context, "page", 1, 1, int.MaxValue, required: true);
        var limit = Query.Int(context, "limit", 100, 1, 100, required: true);
        var instance = Find(values["instance_id"]);
        var state = services.Store.StateAt(instance, WireTime.NowMs());
        if (instance.Engine is "MySQL" or "PostgreSQL") return EngineDatabaseList.WriteAsync(context, instance, state, page, limit);
        if (instance.Engine != "SQLServer")
            throw new ApiException(400, ErrorCodes.EngineMismatch, $"The DB engine or version is not supported: {instance.Name} is {instance.Engine}.");
        var names = SystemDatabases.Select(n => (Name: n, Charset: "SQL_Latin1_General_CP1_CI_AS"))
            .Concat((state?.Databases ?? Array.Empty<DatabaseEntry>()).Select(d => (d.Name, Charset: d.CharacterSet)))
            .ToList();
        var dbName = Query.String(context, "db-name");
        IEnumerable<(string Name, string Charset)> selected = dbName is null
            ? names.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * limit)).Take(limit)
            : names.Where(n => n.Name == dbName);
        var databases = selected.Select(n => (JsonNode)new JsonObject { ["name"] = n.Name, ["character_set"] = n.Charset, ["state"] = "Running" }).ToArray();
        var total = dbName is null ? names.Count : databases.Length;
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["databases"] = new JsonArray(databases), ["total_count"] = total });
    }

    private InstanceRecord Find(string id)
    {
        services.Store.SettleDue(WireTime.NowMs());
        return services.Store.Instance(id) ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {id}.");
    }
}
