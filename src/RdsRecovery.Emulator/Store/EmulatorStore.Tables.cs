namespace RdsRecovery.Emulator.Store;

/// <summary>
/// A table at one moment: <see cref="Schema"/> is empty for MySQL (no schemas), and <see cref="Marker"/> is the data
/// version it holds then (its own, or its database's when it has none of its own).
/// </summary>
internal sealed record TableEntry(string Database, string Schema, string Name, string Marker);

/// <summary>One recorded change of a table: created (with an optional marker of its own) or dropped at a time.</summary>
internal sealed record TableEvent(string Database, string Schema, string Name, long AtMs, bool Dropped, string? Marker);

/// <summary>Tables over time, kept as events beside the instance's data states (database lists and markers).</summary>
internal sealed partial class EmulatorStore
{
    internal static void InsertTableEvent(SqliteConnection c, string instanceId, TableEvent e) => NonQuery(c,
        "INSERT INTO table_events (instance_id, database_name, schema_name, table_name, at_ms, dropped, marker) VALUES ($id, $db, $schema, $table, $at, $dropped, $marker)",
        ("$id", instanceId), ("$db", e.Database), ("$schema", e.Schema), ("$table", e.Name), ("$at", e.AtMs), ("$dropped", e.Dropped ? 1 : 0),
        ("$marker", e.Marker));

    /// <summary>
    /// The tables that existed at <paramref name="atMs"/>: the latest event of each table up to then is a creation,
    /// and its database existed then. Names compare case-insensitively, as on a default RDS instance.
    /// </summary>
    internal static IReadOnlyList<TableEntry> TablesAt(SqliteConnection c, InstanceRecord instance, long atMs)
    {
        var state = StateAt(c, instance, atMs);
        if (state is null) return Array.Empty<TableEntry>();
        var databases = new Dictionary<string, DatabaseEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in state.Databases) databases[d.Name] = d;
        var latest = new Dictionary<(string, string, string), TableEvent>();
        var order = new List<(string, string, string)>();
        var events = Rows(c,
            "SELECT database_name, schema_name, table_name, at_ms, dropped, marker FROM table_events WHERE instance_id = $id AND at_ms <= $at ORDER BY at_ms, rowid",
            r => new TableEvent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4) != 0, StringOrNull(r, 5)),
            ("$id", instance.Id), ("$at", atMs));
        foreach (var e in events)
        {
            var key = (e.Database.ToUpperInvariant(), e.Schema.ToUpperInvariant(), e.Name.ToUpperInvariant());
            if (!latest.ContainsKey(key)) order.Add(key);
            latest[key] = e;
        }
        return order.Select(k => latest[k])
            .Where(e => !e.Dropped && databases.ContainsKey(e.Database))
            .Select(e => new TableEntry(databases[e.Database].Name, e.Schema, e.Name, e.Marker ?? databases[e.Database].Version ?? state.Marker))
            .ToList();
    }

    public IReadOnlyList<TableEntry> TablesAt(InstanceRecord instance, long atMs) => Read(c => TablesAt(c, instance, atMs));

    /// <summary>
    /// Rewrites the instance's history so that database <paramref name="name"/> is created (or dropped) at
    /// <paramref name="atMs"/>, which may lie in the past: every data state from then on gains (or loses) it. A dropped
    /// database takes its tables with it. Returns false when the instance did not exist at that time.
    /// </summary>
    internal static bool EditDatabase(SqliteConnection c, InstanceRecord instance, long atMs, string name, bool create, string? marker, string? charset = null)
    {
        var rows = Rows(c, "SELECT rowid, from_ms, live, marker, databases_json FROM instance_states WHERE instance_id = $id ORDER BY from_ms, rowid",
            r => (RowId: r.GetInt64(0), From: r.GetInt64(1), Live: r.GetInt64(2) != 0, Marker: r.GetString(3), Databases: StoreJson.Databases(r.GetString(4)).ToList()),
            ("$id", instance.Id));
        var prior = rows.LastOrDefault(r => r.From <= atMs);
        if (prior.Databases is null) return false;
        if (!create)
        {
            foreach (var table in TablesAt(c, instance, atMs).Where(t => string.Equals(t.Database, name, StringComparison.OrdinalIgnoreCase)))
                InsertTableEvent(c, instance.Id, new TableEvent(table.Database, table.Schema, table.Name, atMs, true, null));
        }
        InsertState(c, instance.Id, atMs, prior.Live, prior.Marker, Change(prior.Databases, prior.Live, prior.Marker));
        foreach (var later in rows.Where(r => r.From > atMs))
            NonQuery(c, "UPDATE instance_states SET databases_json = $dbs WHERE rowid = $row",
                ("$dbs", StoreJson.Databases(Change(later.Databases, later.Live, later.Marker))), ("$row", later.RowId));
        return true;

        List<DatabaseEntry> Change(List<DatabaseEntry> databases, bool live, string stateMarker)
        {
            var result = databases.Where(d => !string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (create)
                result.Add(new DatabaseEntry(name, charset ?? databases.FirstOrDefault()?.CharacterSet ?? DefaultCharset(instance.Engine), marker ?? (live ? null : stateMarker)));
            return result;
        }
    }

    internal static string DefaultCharset(string engine) =>
        engine == "SQLServer" ? "Chinese_PRC_CI_AS" : engine == "MySQL" ? "utf8mb4" : "UTF8";

    /// <summary>Whether the instance may use is_fast_restore for database-level and for table-level restores.</summary>
    internal static (bool Database, bool Table) FastRestore(SqliteConnection c, string instanceId) =>
        Rows(c, "SELECT database_ok, table_ok FROM fast_restore WHERE instance_id = $id", r => (r.GetInt64(0) != 0, r.GetInt64(1) != 0), ("$id", instanceId))
            .DefaultIfEmpty((false, false)).First();

    public (bool Database, bool Table) FastRestore(string instanceId) => Read(c => FastRestore(c, instanceId));

    internal static void SetFastRestore(SqliteConnection c, string instanceId, bool database, bool table) => NonQuery(c,
        "INSERT OR REPLACE INTO fast_restore (instance_id, database_ok, table_ok) VALUES ($id, $db, $table)",
        ("$id", instanceId), ("$db", database ? 1 : 0), ("$table", table ? 1 : 0));

    /// <summary>The service's limits per instance and request, kept in meta so a reset returns them to the defaults.</summary>
    public RestoreLimits Limits() => Read(c => Limits(c));

    internal static RestoreLimits Limits(SqliteConnection c)
    {
        int Get(string key, int fallback) =>
            Scalar(c, "SELECT value FROM meta WHERE key = $k", ("$k", key)) is string s && int.TryParse(s, out var v) ? v : fallback;
        var d = RestoreLimits.Default;
        return new RestoreLimits(Get("limit.database", d.DatabaseLimit), Get("limit.database_tables", d.DatabaseTableLimit), Get("limit.table", d.TableLimit));
    }

    public void SetLimits(RestoreLimits limits) => Write(c =>
    {
        foreach (var (key, value) in new[] { ("limit.database", limits.DatabaseLimit), ("limit.database_tables", limits.DatabaseTableLimit), ("limit.table", limits.TableLimit) })
            NonQuery(c, "INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    });
}

/// <summary>
/// How much one restore may carry per instance: databases and their tables (database level), tables (table level).
/// Defaults from the user guide (rds_05_0036): 2,000 databases and 20,000 tables per database-level restore, 2,000 tables per table-level one.
/// </summary>
internal sealed record RestoreLimits(int DatabaseLimit, int DatabaseTableLimit, int TableLimit)
{
    public static RestoreLimits Default { get; } = new(2000, 20000, 2000);
}
