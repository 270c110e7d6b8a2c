namespace RdsRecovery.Api;

/// <summary>
/// The backups a user asks for (Get-RdsBackup's parameters), split into what the list call filters
/// (<see cref="ToFilter"/>) and what the module filters itself (<see cref="Select"/>): the service filters by
/// status for some engines only, so the status is always filtered here, and the order is newest first.
/// </summary>
public sealed class RdsBackupQuery
{
    public RdsBackupQuery(string instanceId) => InstanceId = instanceId ?? throw new ArgumentNullException(nameof(instanceId));

    public string InstanceId { get; }
    public string? BackupId { get; init; }
    /// <summary>auto, manual, fragment or incremental, in any case (sent in lower case).</summary>
    public string? Type { get; init; }
    /// <summary>COMPLETED, BUILDING, FAILED or DELETING, in any case.</summary>
    public string? Status { get; init; }
    /// <summary>Only backups that began at or after this time.</summary>
    public DateTimeOffset? After { get; init; }
    /// <summary>Only backups that began at or before this time.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>InvalidTimeRange when <see cref="After"/> is later than <see cref="Before"/> (then nothing is to be sent); else null.</summary>
    public RdsError? Check(string afterParameterName) => After is not null && Before is not null && After > Before
        ? new RdsError(RdsErrorIds.InvalidTimeRange,
            $"-After ({After:u}) is later than -Before ({Before:u}).", After, afterParameterName)
        : null;

    /// <summary>The list call's filter. The API wants both ends of a time range or neither: an open end becomes the epoch or <paramref name="now"/>.</summary>
    public RdsBackupFilter ToFilter(DateTimeOffset now) => new(InstanceId)
    {
        BackupId = BackupId,
        BackupType = Type?.ToLowerInvariant(),
        BeginTime = After is null && Before is null ? null : After ?? DateTimeOffset.FromUnixTimeSeconds(0),
        EndTime = After is null && Before is null ? null : Before ?? now,
    };

    /// <summary>The listed backups in the asked status (any case), newest first; a backup with no begin time last.</summary>
    public IReadOnlyList<RdsBackup> Select(IEnumerable<RdsBackup> listed) => listed
        .Where(b => Status is null || string.Equals(b.Status, Status, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(b => b.BeginTime ?? DateTimeOffset.MinValue)
        .ToList();
}
