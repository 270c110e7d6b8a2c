namespace RdsRecovery.Emulator.Api;

/// <summary>
/// What existed at a point in time: <c>ListHistoryDatabase</c> (<c>POST /v3/{project_id}/{engine}/instances/history/databases</c>,
/// MySQL and PostgreSQL) and <c>ListPostgresqlListHistoryTables</c> (<c>POST /v3/{project_id}/{database_name}/instances/history/tables</c>,
/// where the SDK documents the path segment as the engine, <c>postgresql</c> only). Bodies and answers follow the SDK models
/// PostgreSQLHistoryDatabaseRequest / ListHistoryDatabaseResponse and PostgreSQLHistoryTableRequest / ListPostgresqlListHistoryTablesResponse.
/// </summary>
internal sealed class HistoryApi(EmulatorServices services)
{
    public Task Databases(HttpContext context, IReadOnlyDictionary<string, string> values) =>
        Answer(context, Engine(values["engine"], "MySQL", "PostgreSQL"), tables: false,
            limits => new JsonObject { ["database_limit"] = limits.DatabaseLimit, ["table_limit"] = limits.DatabaseTableLimit },
            (name, tables) => new JsonObject { ["name"] = name, ["total_tables"] = tables.Count });

    public Task Tables(HttpContext context, IReadOnlyDictionary<string, string> values) =>
        Answer(context, Engine(values["database_name"], "PostgreSQL"), tables: true,
            limits => new JsonObject { ["table_limit"] = limits.TableLimit }, Database);

    /// <summary>
    /// Both answers: the service's limits, then each named instance (matching instance_name_like) with its databases at the
    /// time (matching database_name_like), each written by <paramref name="database"/> from its tables then (matching table_name_like).
    /// </summary>
    private Task Answer(HttpContext context, string engine, bool tables, Func<RestoreLimits, JsonObject> limits,
        Func<string, IReadOnlyList<TableEntry>, JsonObject> database)
    {
        var query = HistoryQuery.Parse(RequestBody.Get(context), tables);
        var now = WireTime.NowMs();
        services.Store.SettleDue(now);
        var answer = services.Store.Read(c =>
        {
            var json = limits(EmulatorStore.Limits(c));
            var instances = Instances(c, query, engine, now).Select(instance =>
            {
                var tablesThen = EmulatorStore.TablesAt(c, instance, query.RestoreTimeMs).Where(t => Like(t.Name, query.TableNameLike)).ToList();
                var databases = (EmulatorStore.StateAt(c, instance, query.RestoreTimeMs)?.Databases ?? Array.Empty<DatabaseEntry>())
                    .Where(d => Like(d.Name, query.DatabaseNameLike))
                    .Select(d => database(d.Name, tablesThen.Where(t => string.Equals(t.Database, d.Name, StringComparison.OrdinalIgnoreCase)).ToList()))
                    .ToList();
                return (JsonNode)new JsonObject
                {
                    ["id"] = instance.Id,
                    ["name"] = instance.Name,
                    ["total_tables"] = databases.Sum(d => d["total_tables"]!.GetValue<int>()),
                    ["databases"] = new JsonArray(databases.Select(d => (JsonNode)d).ToArray()),
                };
            }).ToArray();
            json["instances"] = new JsonArray(instances);
            return json;
        });
        return JsonResponse.WriteAsync(context, 200, answer);
    }

    private static JsonObject Database(string name, IReadOnlyList<TableEntry> tables)
    {
        var schemas = tables.GroupBy(t => t.Schema, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
        {
            ["name"] = g.Key,
            ["total_tables"] = g.Count(),
            ["tables"] = new JsonArray(g.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name }).ToArray()),
        }).ToArray();
        return new JsonObject { ["name"] = name, ["total_tables"] = tables.Count, ["schemas"] = new JsonArray(schemas) };
    }

    /// <summary>Every named instance must exist, run the path's engine and have the time in a restorable range; instance_name_like filters.</summary>
    private static IEnumerable<InstanceRecord> Instances(SqliteConnection c, HistoryQuery query, string engine, long now)
    {
        var found = new List<InstanceRecord>();
        foreach (var id in query.InstanceIds)
        {
            var instance = PartialRestoreRules.Find(c, id);
            PartialRestoreRules.RequireEngine(instance, "this history API", engine);
            PartialRestoreRules.RequireInWindow(instance, query.RestoreTimeMs, now);
            found.Add(instance);
        }
        return found.Where(i => Like(i.Name, query.InstanceNameLike));
    }

    /// <summary>The engine path segment, case-insensitive (SDK: "mysql", "postgresql").</summary>
    private static string Engine(string segment, params string[] supported)
    {
        var all = new[] { "MySQL", "PostgreSQL" };
        var engine = all.FirstOrDefault(e => string.Equals(e, segment, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiException.Parameter($"Parameter error: the engine '{segment}' in the path is not one of {string.Join(", ", supported.Select(s => s.ToLowerInvariant()))}.");
        if (!supported.Contains(engine))
            throw new ApiException(400, ErrorCodes.EngineMismatch, $"The DB engine or version is not supported: this API is for {string.Join(" and ", supported)}.");
        return engine;
    }

    /// <summary>The "fuzzy" filters of the SDK: a case-insensitive substring; absent or empty matches everything.</summary>
    private static bool Like(string value, string? pattern) =>
        string.IsNullOrEmpty(pattern) || value.Contains(pattern, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The shared body of both history APIs.</summary>
internal sealed record HistoryQuery(IReadOnlyList<string> InstanceIds, long RestoreTimeMs, string? DatabaseNameLike, string? InstanceNameLike, string? TableNameLike)
{
    public static HistoryQuery Parse(ReadOnlyMemory<byte> body, bool tables)
    {
        var root = JsonBody.Parse(body);
        var ids = JsonBody.Strings(root, "instance_ids", "instance_ids");
        JsonBody.RequireDistinct(ids, StringComparer.Ordinal, "instance_ids", "an instance");
        return new HistoryQuery(ids, JsonBody.MillisecondsOrDigits(root, "restore_time", "restore_time"),
            JsonBody.OptionalString(root, "database_name_like", "database_name_like"),
            JsonBody.OptionalString(root, "instance_name_like", "instance_name_like"),
            tables ? JsonBody.OptionalString(root, "table_name_like", "table_name_like") : null);
    }
}
