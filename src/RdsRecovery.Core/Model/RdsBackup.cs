namespace RdsRecovery.Model;

/// <summary>A backup of an instance, as the list-backups API returns it.</summary>
public sealed class RdsBackup
{
    public string Id { get; set; } = "";
    /// <summary>The instance the backup was taken of: the source of a restore.</summary>
    public string InstanceId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The description a manual backup was given; null when it has none or the list does not say.</summary>
    public string? Description { get; set; }
    /// <summary>auto, manual, fragment or incremental.</summary>
    public string Type { get; set; } = "";
    /// <summary>BUILDING, COMPLETED, FAILED or DELETING.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? BeginTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    /// <summary>Backup size in KB, as the service reports it.</summary>
    public long SizeKB { get; set; }
    public string? Engine { get; set; }
    public string? EngineVersion { get; set; }
    /// <summary>SQL Server databases contained in the backup.</summary>
    public IReadOnlyList<string> Databases { get; set; } = Array.Empty<string>();

    public override string ToString() => string.IsNullOrEmpty(Name) ? Id : $"{Name} ({Id})";
}
