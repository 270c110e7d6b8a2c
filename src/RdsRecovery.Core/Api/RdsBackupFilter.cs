namespace RdsRecovery.Api;

/// <summary>Filters of the list-backups call; the instance id is mandatory.</summary>
public sealed class RdsBackupFilter
{
    public RdsBackupFilter(string instanceId) => InstanceId = instanceId;

    public string InstanceId { get; }
    public string? BackupId { get; set; }
    /// <summary>auto, manual, fragment or incremental.</summary>
    public string? BackupType { get; set; }
    /// <summary>With <see cref="EndTime"/> (the API needs both): backups begun in the range.</summary>
    public DateTimeOffset? BeginTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
}
