namespace RdsRecovery.Emulator.Store;

/// <summary>
/// Seeds tables into every MySQL and PostgreSQL database, live since the instance was created, and the fast-restore
/// support: MySQL 8.0 instances may use it, the others not (fast restore is off unless enabled, rds_09_0019).
/// </summary>
internal static class SeedTables
{
    public static readonly string[] MySqlTables = { "orders", "customers", "audit_log" };
    public static readonly (string Schema, string[] Tables)[] PostgreSqlTables =
    {
        ("public", new[] { "orders", "customers" }),
        ("audit", new[] { "events" }),
    };

    public static void Fill(SqliteConnection c)
    {
        foreach (var instance in EmulatorStore.Instances(c).Where(i => i.Engine is "MySQL" or "PostgreSQL"))
        {
            var databases = EmulatorStore.StateAt(c, instance, instance.CreatedMs)?.Databases ?? System.Array.Empty<DatabaseEntry>();
            foreach (var database in databases)
            {
                var tables = instance.Engine == "MySQL"
                    ? MySqlTables.Select(t => (Schema: "", Table: t))
                    : PostgreSqlTables.SelectMany(s => s.Tables.Select(t => (s.Schema, Table: t)));
                foreach (var (schema, table) in tables)
                    EmulatorStore.InsertTableEvent(c, instance.Id, new TableEvent(database.Name, schema, table, instance.CreatedMs, false, null));
            }
            if (instance.Engine == "MySQL") EmulatorStore.SetFastRestore(c, instance.Id, instance.Version == "8.0", instance.Version == "8.0");
        }
    }
}
