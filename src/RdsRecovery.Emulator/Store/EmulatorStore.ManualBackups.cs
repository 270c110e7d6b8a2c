using System.Threading;

namespace RdsRecovery.Emulator.Store;

/// <summary>
/// Manual backups (CreateManualBackup, DeleteManualBackup): a new one is BUILDING and its instance BACKING UP until its
/// time is up, then COMPLETED (or FAILED when arranged) and the instance ACTIVE again. Like jobs, the life is derived
/// from stored times (no background thread, survives restarts); it captures the instance's data when it is taken.
/// </summary>
internal sealed partial class EmulatorStore
{
    public const string ManualBackupSchema = """
        CREATE TABLE IF NOT EXISTS backup_life (id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, ends_ms INTEGER NOT NULL, fail_reason TEXT, settled INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS arranged_backups (instance_id TEXT PRIMARY KEY, fail_reason TEXT, duration_ms INTEGER);
        """;

    private long _nextBackupDueMs = long.MaxValue;

    /// <summary>
    /// Takes a manual backup of the instance now (checked and refused with the service's codes first). The backup's
    /// data is the instance's data at this moment; <paramref name="databases"/> (SQL Server, PostgreSQL) keeps a subset.
    /// </summary>
    public BackupRecord CreateManualBackup(string instanceId, string name, IReadOnlyList<string>? databases, long nowMs, int defaultDurationMs) => Write(c =>
    {
        SettleDue(c, nowMs);
        var instance = Instance(c, instanceId)
            ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {instanceId}.");
        if (instance.Type == "Replica") throw ApiException.Parameter($"Parameter error: read replicas do not support manual backups ({instance.Name}).");
        if (Scalar(c, "SELECT 1 FROM backup_life WHERE instance_id = $id AND settled = 0", ("$id", instanceId)) is not null)
            throw new ApiException(409, ErrorCodes.BackupInProgress, $"Backup is in progress: {instance.Name} is already being backed up.");
        if (instance.Status != "ACTIVE" || HasUnsettledJob(c, instanceId))
            throw new ApiException(409, ErrorCodes.InstanceBusy,
                $"Another operation is being performed on the DB instance or the DB instance is faulty: {instance.Name} is {instance.Status}.");
        if (Scalar(c, "SELECT 1 FROM backups WHERE instance_id = $id AND name = $name", ("$id", instanceId), ("$name", name)) is not null)
            throw ApiException.Parameter($"Parameter error: the backup name '{name}' already exists; it must be unique.");
        if (databases is not null && instance.Engine is not ("SQLServer" or "PostgreSQL"))
            throw ApiException.Parameter($"Parameter error: databases (a partial backup) is supported for SQL Server and PostgreSQL only, not {instance.Engine}.");

        var state = StateAt(c, instance, nowMs)
            ?? throw new ApiException(400, ErrorCodes.ParameterError, $"Parameter error: {instance.Name} holds no data to back up.");
        var captured = state.Databases.Select(d => d with { Version = state.Marker }).ToList();
        if (databases is not null)
        {
            var missing = databases.FirstOrDefault(n => !captured.Any(d => string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase)));
            if (missing is not null) throw new ApiException(400, ErrorCodes.DatabaseNotFound, $"The database name does not exist: {missing}.");
            captured = captured.Where(d => databases.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }
        var arranged = TakeArranged(c, ArrangedBackups, instanceId);
        var suffix = instance.Engine switch { "MySQL" => "br01", "PostgreSQL" => "br03", _ => "br04" };
        var backup = new BackupRecord(Guid.NewGuid().ToString("N") + suffix, instanceId, name, "manual", "BUILDING",
            instance.VolumeSizeGb * 1024L + captured.Count, nowMs, null, state.Marker, captured);
        InsertBackup(c, backup);
        var ends = nowMs + (arranged?.DurationMs ?? defaultDurationMs);
        NonQuery(c, "INSERT INTO backup_life (id, instance_id, ends_ms, fail_reason, settled) VALUES ($id, $iid, $ends, $fail, 0)",
            ("$id", backup.Id), ("$iid", instanceId), ("$ends", ends), ("$fail", arranged?.FailReason));
        SetStatus(c, instanceId, "BACKING UP", nowMs);
        LowerNextBackupDue(ends);
        return backup;
    });

    /// <summary>Deletes a manual backup; refuses an automated one, one being built, or one that does not exist.</summary>
    public void DeleteManualBackup(string backupId, long nowMs) => Write(c =>
    {
        SettleDue(c, nowMs);
        var backup = Backup(c, backupId)
            ?? throw new ApiException(404, ErrorCodes.BackupNotFound, $"The backup information does not exist: {backupId}.");
        if (backup.Type != "manual") throw ApiException.Parameter($"Parameter error: only manual backups can be deleted; {backupId} is {backup.Type}.");
        if (backup.Status == "BUILDING") throw new ApiException(409, ErrorCodes.BackupInProgress, $"Backup is in progress: {backupId} is BUILDING.");
        NonQuery(c, "DELETE FROM backups WHERE id = $id", ("$id", backupId));
        NonQuery(c, "DELETE FROM backup_life WHERE id = $id", ("$id", backupId));
    });

    /// <summary>Settles the manual backups whose time is up (called by <see cref="SettleDue(long)"/>); one comparison when none is.</summary>
    private void SettleManualBackupsDue(long nowMs)
    {
        if (nowMs < Interlocked.Read(ref _nextBackupDueMs)) return;
        Write(c => SettleManualBackups(c, nowMs));
    }

    private void SettleManualBackups(SqliteConnection c, long nowMs)
    {
        var due = Rows(c, "SELECT id, instance_id, ends_ms, fail_reason FROM backup_life WHERE settled = 0 AND ends_ms <= $now",
            r => (Id: r.GetString(0), Instance: r.GetString(1), Ends: r.GetInt64(2), Fail: StringOrNull(r, 3)), ("$now", nowMs));
        foreach (var backup in due)
        {
            NonQuery(c, "UPDATE backups SET status = $status, end_ms = $end WHERE id = $id",
                ("$status", backup.Fail is null ? "COMPLETED" : "FAILED"), ("$end", backup.Ends), ("$id", backup.Id));
            NonQuery(c, "UPDATE instances SET status = 'ACTIVE', updated_ms = $now WHERE id = $id AND status = 'BACKING UP'", ("$now", backup.Ends), ("$id", backup.Instance));
            NonQuery(c, "UPDATE backup_life SET settled = 1 WHERE id = $id", ("$id", backup.Id));
        }
        var next = Scalar(c, "SELECT MIN(ends_ms) FROM backup_life WHERE settled = 0");
        Interlocked.Exchange(ref _nextBackupDueMs, next is long ms ? ms : long.MaxValue);
    }

    private void ClearManualBackupLife(SqliteConnection c)
    {
        Execute(c, "DELETE FROM backup_life; DELETE FROM arranged_backups;");
        Interlocked.Exchange(ref _nextBackupDueMs, long.MaxValue);
    }

    private void LowerNextBackupDue(long endsMs) => LowerTo(ref _nextBackupDueMs, endsMs);
}
