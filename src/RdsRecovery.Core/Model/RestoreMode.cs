namespace RdsRecovery.Model;

/// <summary>How a restore picks its data: a backup, or a point in time. Serialised as source.type.</summary>
public enum RestoreMode
{
    /// <summary>From a backup file: <c>"type": "backup"</c> with <c>backup_id</c>.</summary>
    Backup,
    /// <summary>To a point in time: <c>"type": "timestamp"</c> with <c>restore_time</c>.</summary>
    PointInTime,
}
