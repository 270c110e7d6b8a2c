namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>BatchRestoreDatabase</c>: <c>POST /v3/{project_id}/instances/batch/restore/databases</c> (MySQL, PostgreSQL), body
/// PostgreSQLRestoreDatabaseRequest {instances:[{restore_time, instance_id, is_fast_restore, databases:[{old_name, new_name}]}]},
/// answer 200 {restore_result:[{instance_id, job_id}]}. Each database is restored into the same instance under its new name.
/// Every instance is checked before any is accepted: one refusal refuses the whole request and nothing starts.
/// </summary>
internal sealed class DatabaseRestoreApi(EmulatorServices services)
{
    public Task Restore(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var requests = Parse(JsonBody.Parse(body));
        var jobs = services.Store.WriteSettled((c, now) =>
        {
            var limits = EmulatorStore.Limits(c);
            var plans = requests.Select(r => (Request: r, Checked: Check(c, r, limits, now))).ToList();
            return plans.Select(p => (p.Checked.Instance.Id, RestoreJobs.Accept(c, services,
                RestoreJobs.Within(p.Checked.Instance, RestoreJobs.DatabaseJobName, p.Checked.Plan, body) with { Fast = p.Request.Fast == true, HyphenatedId = true },
                now))).ToList();
        });
        return RestoreJobs.WriteBatchAnswer(context, jobs);
    }

    private static (InstanceRecord Instance, PartialRestorePlan Plan) Check(SqliteConnection c, Request request, RestoreLimits limits, long now)
    {
        var instance = PartialRestoreRules.Find(c, request.InstanceId);
        PartialRestoreRules.RequireEngine(instance, "database-level restore", "MySQL", "PostgreSQL");
        PartialRestoreRules.RequireIdle(c, instance);
        PartialRestoreRules.RequireInWindow(instance, request.RestoreTimeMs, now);
        PartialRestoreRules.RequireWithin(request.Databases.Count, limits.DatabaseLimit, "databases", instance);
        PartialRestoreRules.RequireFastRestore(c, instance, request.Fast, tableLevel: false);

        var then = EmulatorStore.StateAt(c, instance, request.RestoreTimeMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var tablesThen = EmulatorStore.TablesAt(c, instance, request.RestoreTimeMs);
        var current = EmulatorStore.StateAt(c, instance, now)?.Databases ?? Array.Empty<DatabaseEntry>();
        var newNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var databases = new List<DatabaseEntry>();
        var tables = new List<TableEntry>();
        foreach (var (oldName, newName) in request.Databases)
        {
            var old = then.FirstOrDefault(d => string.Equals(d.Name, oldName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ApiException(400, ErrorCodes.DatabaseNotFound,
                    $"The database name does not exist: '{oldName}' did not exist in {instance.Name} at {WireTime.Iso(request.RestoreTimeMs)}.");
            ObjectNameRules.CheckDatabase(instance.Engine, instance.Version, newName);
            if (string.Equals(oldName, newName, StringComparison.OrdinalIgnoreCase) || current.Any(d => string.Equals(d.Name, newName, StringComparison.OrdinalIgnoreCase)))
                throw new ApiException(400, ErrorCodes.DatabaseNameClash,
                    $"The database name must be different from the original and target database names: '{newName}' already exists in {instance.Name}.");
            if (!newNames.Add(newName)) throw ApiException.Parameter($"Parameter error: the new database name '{newName}' is used more than once.");
            databases.Add(new DatabaseEntry(newName, old.CharacterSet, old.Version));
            tables.AddRange(tablesThen.Where(t => string.Equals(t.Database, old.Name, StringComparison.OrdinalIgnoreCase)).Select(t => t with { Database = newName }));
        }
        PartialRestoreRules.RequireWithin(tables.Count, limits.DatabaseTableLimit, "tables in the databases", instance);
        return (instance, new PartialRestorePlan(databases, tables));
    }

    private static List<Request> Parse(JsonElement root)
    {
        var requests = new List<Request>();
        var items = JsonBody.Objects(root, "instances", "instances");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"instances[{i}]";
            var pairs = new List<(string, string)>();
            var databases = JsonBody.Objects(item, "databases", path + ".databases");
            for (var d = 0; d < databases.Count; d++)
                pairs.Add((JsonBody.String(databases[d], "old_name", $"{path}.databases[{d}].old_name"),
                    JsonBody.String(databases[d], "new_name", $"{path}.databases[{d}].new_name")));
            JsonBody.RequireDistinct(pairs.Select(p => p.Item1), StringComparer.OrdinalIgnoreCase, path + ".databases", "a database");
            requests.Add(new Request(JsonBody.String(item, "instance_id", path + ".instance_id"),
                JsonBody.Milliseconds(item, "restore_time", path + ".restore_time"),
                JsonBody.OptionalBool(item, "is_fast_restore", path + ".is_fast_restore"), pairs));
        }
        JsonBody.RequireDistinct(requests.Select(r => r.InstanceId), StringComparer.Ordinal, "instances", "an instance");
        return requests;
    }

    private sealed record Request(string InstanceId, long RestoreTimeMs, bool? Fast, IReadOnlyList<(string Old, string New)> Databases);
}
