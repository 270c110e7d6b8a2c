namespace RdsRecovery.Emulator.Store;

/// <summary>The SQLite schema. Lists are JSON text: they are read and written whole.</summary>
internal static class Schema
{
    /// <summary>Stored in meta 'seeded'. A file of another version is dropped and reseeded at start (<see cref="EmulatorStore"/>).</summary>
    public const int Version = 3;

    /// <summary>Every table, for dropping a file written by another version.</summary>
    public static readonly string[] Tables = { "meta", "instances", "instance_states", "backups", "jobs", "arranged", "tokens", "table_events", "fast_restore" };

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS instances (
            id TEXT PRIMARY KEY, ord INTEGER NOT NULL, name TEXT NOT NULL, engine TEXT NOT NULL, version TEXT NOT NULL,
            complete_version TEXT, type TEXT NOT NULL, status TEXT NOT NULL, volume_type TEXT NOT NULL,
            volume_size INTEGER NOT NULL, port INTEGER NOT NULL, time_zone TEXT NOT NULL, flavor_ref TEXT NOT NULL,
            created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, windows_json TEXT NOT NULL,
            region TEXT, related_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS instance_states (
            instance_id TEXT NOT NULL, from_ms INTEGER NOT NULL, live INTEGER NOT NULL, marker TEXT NOT NULL,
            databases_json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_states ON instance_states (instance_id, from_ms);
        CREATE TABLE IF NOT EXISTS backups (
            id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
            size_kb INTEGER NOT NULL, begin_ms INTEGER NOT NULL, end_ms INTEGER, marker TEXT NOT NULL,
            databases_json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_backups ON backups (instance_id, begin_ms);
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT NOT NULL,
            target_name TEXT NOT NULL, created_ms INTEGER NOT NULL, visible_ms INTEGER NOT NULL, ends_ms INTEGER NOT NULL,
            fail_reason TEXT, settled INTEGER NOT NULL, restored_json TEXT NOT NULL, request_json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_jobs_due ON jobs (settled, ends_ms);
        CREATE TABLE IF NOT EXISTS arranged (instance_id TEXT PRIMARY KEY, fail_reason TEXT, duration_ms INTEGER);
        CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS table_events (
            instance_id TEXT NOT NULL, database_name TEXT NOT NULL, schema_name TEXT NOT NULL, table_name TEXT NOT NULL,
            at_ms INTEGER NOT NULL, dropped INTEGER NOT NULL, marker TEXT);
        CREATE INDEX IF NOT EXISTS ix_table_events ON table_events (instance_id, at_ms);
        CREATE TABLE IF NOT EXISTS fast_restore (instance_id TEXT PRIMARY KEY, database_ok INTEGER NOT NULL, table_ok INTEGER NOT NULL);
        """;
}
