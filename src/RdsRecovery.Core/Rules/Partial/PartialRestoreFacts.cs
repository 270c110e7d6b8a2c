namespace RdsRecovery.Rules;

/// <summary>
/// What is known around a database or table restore. Everything is optional: a rule whose facts are missing reports
/// NotChecked (offline, or -WhatIf without a connection, nothing is known).
/// </summary>
public sealed class PartialRestoreFacts
{
    public static PartialRestoreFacts None { get; } = new PartialRestoreFacts();

    public RdsInstance? Instance { get; init; }
    /// <summary>The instance's restorable windows; null when not looked up.</summary>
    public IReadOnlyList<RdsRestoreWindow>? RestoreWindows { get; init; }
    /// <summary>The databases that existed at the restore time (ListHistoryDatabase) and the limits; null when not looked up.</summary>
    public RdsHistoryListing? HistoryDatabases { get; init; }
    /// <summary>PostgreSQL: the tables that existed at the restore time (ListPostgresqlListHistoryTables); null when not looked up.</summary>
    public RdsHistoryListing? HistoryTables { get; init; }
    /// <summary>The databases on the instance now; null when the service did not list them.</summary>
    public IReadOnlyCollection<string>? DatabasesNow { get; init; }
    /// <summary>Whether ListInstancesSupportFastRestore was asked (only with -FastRestore).</summary>
    public bool FastRestoreLookedUp { get; init; }
    /// <summary>Its answer for this instance; null when it did not list the instance.</summary>
    public RdsFastRestoreSupport? FastRestore { get; init; }
    /// <summary>Whether a restore this machine sent into the instance is still running; null when not known.</summary>
    public bool? TargetHasRunningJob { get; init; }
    /// <summary>Restores into the instance whose outcome the local journal cannot tell; null when not looked up.</summary>
    public IReadOnlyList<Journal.RestoreAttempt>? UnresolvedRestores { get; init; }
    /// <summary>The profile named in the report (the connection's API version); the partial rules are the same under both.</summary>
    public RestoreRuleProfile Profile { get; init; } = RestoreRuleProfiles.Seed;
    public Api.RdsRestoreApiVersion? ApiVersion { get; init; }
    public IClock Clock { get; init; } = SystemClock.Instance;
}
