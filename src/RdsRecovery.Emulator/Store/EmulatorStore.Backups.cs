namespace RdsRecovery.Emulator.Store;

internal sealed partial class EmulatorStore
{
    private const string BackupColumns = "id, instance_id, name, type, status, size_kb, begin_ms, end_ms, marker, databases_json";

    /// <summary>The instance's backups, newest first.</summary>
    public IReadOnlyList<BackupRecord> Backups(string instanceId) =>
        Read(c => Rows(c, $"SELECT {BackupColumns} FROM backups WHERE instance_id = $id ORDER BY begin_ms DESC", ReadBackup, ("$id", instanceId)));

    internal static BackupRecord? Backup(SqliteConnection c, string id) =>
        Rows(c, $"SELECT {BackupColumns} FROM backups WHERE id = $id", ReadBackup, ("$id", id)).FirstOrDefault();

    /// <summary>One row of <see cref="BackupColumns"/>.</summary>
    private static BackupRecord ReadBackup(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
            r.IsDBNull(7) ? null : r.GetInt64(7), r.GetString(8), StoreJson.Databases(r.GetString(9)));

    internal static void InsertBackup(SqliteConnection c, BackupRecord b) => NonQuery(c,
        $"INSERT INTO backups ({BackupColumns}) VALUES ($id, $iid, $name, $type, $status, $size, $begin, $end, $marker, $dbs)",
        ("$id", b.Id), ("$iid", b.InstanceId), ("$name", b.Name), ("$type", b.Type), ("$status", b.Status), ("$size", b.SizeKb),
        ("$begin", b.BeginMs), ("$end", b.EndMs), ("$marker", b.Marker), ("$dbs", StoreJson.Databases(b.Databases)));
}
