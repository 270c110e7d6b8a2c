namespace RdsRecovery.Emulator.Api;

/// <summary>
/// Table-level point-in-time restores into the same instance, same database (and schema) under new names:
/// <c>RestoreTablesNew</c> (<c>POST /v3.1/{project_id}/instances/{instance_id}/restore/tables</c>, MySQL; body RestoreTablesNewRequestBody,
/// answer 200 {job_id}) and <c>BatchRestorePostgreSqlTables</c> (<c>POST /v3/{project_id}/instances/batch/restore/tables</c>,
/// PostgreSQL; body PostgreSQLRestoreTableRequest, answer 200 {restore_result:[{instance_id, job_id}]}).
/// MySQL has no table history API, so an old table that did not exist then is not refused up front: the job fails, as the
/// user guide says the restore does. PostgreSQL's is checked against its history (DBS.280128).
/// </summary>
internal sealed class TableRestoreApi(EmulatorServices services)
{
    public Task RestoreMySql(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var root = JsonBody.Parse(body);
        var request = new Request(values["instance_id"], JsonBody.Milliseconds(root, "restore_time", "restore_time"),
            JsonBody.OptionalBool(root, "is_fast_restore", "is_fast_restore"), ParseDatabases(root, "restore_tables", "restore_tables", withSchemas: false));
        var jobId = services.Store.WriteSettled((c, now) =>
            RestoreJobs.Accept(c, services, Job(Check(c, request, "MySQL", now), body) with { Fast = request.Fast == true }, now));
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["job_id"] = jobId });
    }

    public Task RestorePostgreSql(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var root = JsonBody.Parse(body);
        var items = JsonBody.Objects(root, "instances", "instances");
        var requests = items.Select((item, i) => new Request(JsonBody.String(item, "instance_id", $"instances[{i}].instance_id"),
            JsonBody.Milliseconds(item, "restore_time", $"instances[{i}].restore_time"), null,
            ParseDatabases(item, "databases", $"instances[{i}].databases", withSchemas: true))).ToList();
        JsonBody.RequireDistinct(requests.Select(r => r.InstanceId), StringComparer.Ordinal, "instances", "an instance");
        var jobs = services.Store.WriteSettled((c, now) =>
        {
            var checkedAll = requests.Select(r => Check(c, r, "PostgreSQL", now)).ToList();
            return checkedAll.Select(x => (x.Instance.Id, RestoreJobs.Accept(c, services, Job(x, body) with { HyphenatedId = true }, now))).ToList();
        });
        return RestoreJobs.WriteBatchAnswer(context, jobs);
    }

    private static RestoreJob Job((InstanceRecord Instance, PartialRestorePlan Plan, string? FailReason) checkedRequest, ReadOnlyMemory<byte> body) =>
        RestoreJobs.Within(checkedRequest.Instance, RestoreJobs.TableJobName, checkedRequest.Plan, body) with { FailReason = checkedRequest.FailReason };

    private static (InstanceRecord Instance, PartialRestorePlan Plan, string? FailReason) Check(SqliteConnection c, Request request, string engine, long now)
    {
        var instance = PartialRestoreRules.Find(c, request.InstanceId);
        PartialRestoreRules.RequireEngine(instance, "this table-level restore", engine);
        PartialRestoreRules.RequireIdle(c, instance);
        PartialRestoreRules.RequireInWindow(instance, request.RestoreTimeMs, now);
        PartialRestoreRules.RequireWithin(request.Tables.Count, EmulatorStore.Limits(c).TableLimit, "tables", instance);
        PartialRestoreRules.RequireFastRestore(c, instance, request.Fast, tableLevel: true);

        var databasesThen = EmulatorStore.StateAt(c, instance, request.RestoreTimeMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var databasesNow = EmulatorStore.StateAt(c, instance, now)?.Databases ?? Array.Empty<DatabaseEntry>();
        var tablesThen = EmulatorStore.TablesAt(c, instance, request.RestoreTimeMs);
        var tablesNow = EmulatorStore.TablesAt(c, instance, now);
        var newNames = new HashSet<(string, string, string)>();
        var restored = new List<TableEntry>();
        string? failReason = null;
        foreach (var t in request.Tables)
        {
            foreach (var (databases, when) in new[] { (databasesThen, WireTime.Iso(request.RestoreTimeMs)), (databasesNow, "now") })
            {
                if (!databases.Any(d => Same(d.Name, t.Database)))
                    throw new ApiException(400, ErrorCodes.DatabaseNotFound, $"The database name does not exist: '{t.Database}' is not in {instance.Name} {(when == "now" ? "now" : "at " + when)}.");
            }
            var old = tablesThen.FirstOrDefault(x => Same(x.Database, t.Database) && Same(x.Schema, t.Schema) && Same(x.Name, t.Old));
            if (old is null)
            {
                var label = Label(t.Database, t.Schema, t.Old);
                if (engine == "PostgreSQL")
                    throw new ApiException(400, ErrorCodes.DatabaseNotFound, $"The table does not exist: {label} was not in {instance.Name} at {WireTime.Iso(request.RestoreTimeMs)}.");
                failReason ??= $"Table {label} does not exist at the restore time {WireTime.Iso(request.RestoreTimeMs)}.";
            }
            ObjectNameRules.CheckTable(instance.Engine, t.New);
            if (Same(t.Old, t.New) || tablesNow.Any(x => Same(x.Database, t.Database) && Same(x.Schema, t.Schema) && Same(x.Name, t.New)))
                throw new ApiException(400, ErrorCodes.DatabaseNameClash,
                    $"The table name must be different from the original and existing table names: {Label(t.Database, t.Schema, t.New)} already exists in {instance.Name}.");
            if (!newNames.Add((t.Database.ToUpperInvariant(), t.Schema.ToUpperInvariant(), t.New.ToUpperInvariant())))
                throw ApiException.Parameter($"Parameter error: the new table name {Label(t.Database, t.Schema, t.New)} is used more than once.");
            if (old is not null) restored.Add(old with { Name = t.New });
        }
        return (instance, new PartialRestorePlan(Array.Empty<DatabaseEntry>(), restored), failReason);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Label(string database, string schema, string table) => schema.Length == 0 ? $"{database}.{table}" : $"{database}.{schema}.{table}";

    /// <summary>[{database, tables:[{old_name,new_name}]}] for MySQL; [{database, schemas:[{schema, tables:[…]}]}] for PostgreSQL.</summary>
    private static List<TableRequest> ParseDatabases(JsonElement parent, string name, string path, bool withSchemas)
    {
        var result = new List<TableRequest>();
        var databases = JsonBody.Objects(parent, name, path);
        for (var d = 0; d < databases.Count; d++)
        {
            var dbPath = $"{path}[{d}]";
            var database = JsonBody.String(databases[d], "database", dbPath + ".database");
            if (!withSchemas)
            {
                result.AddRange(Tables(databases[d], dbPath, database, ""));
                continue;
            }
            var schemas = JsonBody.Objects(databases[d], "schemas", dbPath + ".schemas");
            for (var s = 0; s < schemas.Count; s++)
                result.AddRange(Tables(schemas[s], $"{dbPath}.schemas[{s}]", database, JsonBody.String(schemas[s], "schema", $"{dbPath}.schemas[{s}].schema")));
        }
        JsonBody.RequireDistinct(result.Select(t => (t.Database.ToUpperInvariant(), t.Schema.ToUpperInvariant(), t.Old.ToUpperInvariant())),
            EqualityComparer<(string, string, string)>.Default, path, "a table");
        return result;
    }

    private static IEnumerable<TableRequest> Tables(JsonElement parent, string path, string database, string schema)
    {
        var tables = JsonBody.Objects(parent, "tables", path + ".tables");
        return tables.Select((t, i) => new TableRequest(database, schema,
            JsonBody.String(t, "old_name", $"{path}.tables[{i}].old_name"), JsonBody.String(t, "new_name", $"{path}.tables[{i}].new_name"))).ToList();
    }

    private sealed record TableRequest(string Database, string Schema, string Old, string New);

    private sealed record Request(string InstanceId, long RestoreTimeMs, bool? Fast, IReadOnlyList<TableRequest> Tables);
}
