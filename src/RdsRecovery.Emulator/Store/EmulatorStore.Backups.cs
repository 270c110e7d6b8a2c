namespace RdsRecovery.Emulator.Store;

internal sealed partial class EmulatorStore
{
    private const string BackupColumns = "id, instance_id, name, type, status, size_kb, begin_ms, end_ms, marker, databases_json";

    /// <summary>The instance's backups, newest first.</summary>
    public IReadOnlyList<BackupRecord> Backups(string instanceId) => Read(c =>
    {
        using var command = Command(c, $"SELECT {BackupColumns} FROM backups WHERE instance_id = $id ORDER BY begin_ms DESC", ("$id", instanceId));
        return ReadBackups(command);
    });

    internal static BackupRecord? Backup(SqliteConnection c, string id)
    {
        using var command = Command(c, $"SELECT {BackupColumns} FROM backups WHERE id = $id", ("$id", id));
        return ReadBackups(command).FirstOrDefault();
    }

    private static List<BackupRecord> ReadBackups(SqliteCommand command)
    {
        var list = new List<BackupRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new BackupRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetString(8), StoreJson.Databases(reader.GetString(9))));
        }
        return list;
    }

    internal static void InsertBackup(SqliteConnection c, BackupRecord b) => NonQuery(c,
        $"INSERT INTO backups ({BackupColumns}) VALUES ($id, $iid, $name, $type, $status, $size, $begin, $end, $marker, $dbs)",
        ("$id", b.Id), ("$iid", b.InstanceId), ("$name", b.Name), ("$type", b.Type), ("$status", b.Status), ("$size", b.SizeKb),
        ("$begin", b.BeginMs), ("$end", b.EndMs), ("$marker", b.Marker), ("$dbs", StoreJson.Databases(b.Databases)));
}
