namespace RdsRecovery.Rules;

/// <summary>
/// What is known about a restore's surroundings. Everything is optional: a rule whose facts are missing reports
/// NotChecked. Offline checks fill in the two instances; a connected session can add the backup, the windows,
/// the SQL Server database names and the target's running jobs.
/// </summary>
public sealed class RestoreFacts
{
    public static RestoreFacts None { get; } = new RestoreFacts();

    public RdsInstance? Source { get; init; }
    public RdsInstance? Target { get; init; }
    /// <summary>The backup named by the request, when it was looked up.</summary>
    public RdsBackup? Backup { get; init; }
    /// <summary>The source's restorable windows; null when not known, empty when the service has none.</summary>
    public IReadOnlyList<RdsRestoreWindow>? RestoreWindows { get; init; }
    /// <summary>
    /// The source's backups (SQL Server, point in time with a map): their database lists tell what the source held
    /// before the restore point. Null when not looked up.
    /// </summary>
    public IReadOnlyList<RdsBackup>? SourceBackups { get; init; }
    /// <summary>Database names on the source now (SQL Server); null when not known.</summary>
    public IReadOnlyCollection<string>? SourceDatabaseNames { get; init; }
    /// <summary>Database names on the target (SQL Server); null when not known.</summary>
    public IReadOnlyCollection<string>? TargetDatabaseNames { get; init; }
    /// <summary>Whether a job is running on the target; null when not known.</summary>
    public bool? TargetHasRunningJob { get; init; }
    /// <summary>Restores into the target this user sent whose outcome the local journal cannot tell (unacknowledged); null when not looked up.</summary>
    public IReadOnlyList<Journal.RestoreAttempt>? UnresolvedRestores { get; init; }
    /// <summary>Which profile's rules apply: the seed's (default) or the v3.1 documents'.</summary>
    public RestoreRuleProfile Profile { get; init; } = RestoreRuleProfiles.Seed;
    /// <summary>The API version of the connection the facts were read over; null when offline (the profile's own version is reported).</summary>
    public Api.RdsRestoreApiVersion? ApiVersion { get; init; }
    /// <summary>"Now", for rules that depend on it.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;
}
