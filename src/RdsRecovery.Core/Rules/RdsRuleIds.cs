namespace RdsRecovery.Rules;

/// <summary>
/// Every compatibility rule id. Each is named for what must hold. These strings are a contract: runbooks branch on
/// them (a rule result's <c>RuleId</c>, and the <c>RestoreIncompatible</c> error message), so they are never renamed.
/// All of them are skipped by <c>-SkipCompatibilityCheck</c>; input validation (see RdsErrorIds) never is.
/// </summary>
public static class RdsRuleIds
{
    /// <summary>Both engines are ones the restore supports (MySQL, PostgreSQL, SQL Server).</summary>
    public const string KnownEngine = "KnownEngine";
    /// <summary>Source and target run the same engine (compared case-insensitively; "SQL Server" = SQLServer).</summary>
    public const string SameEngine = "SameEngine";
    /// <summary>MySQL and PostgreSQL: source and target run the same version (profile V31, MySQL: and an allowed minor version).</summary>
    public const string SameVersion = "SameVersion";
    /// <summary>SQL Server: the version table allows the source version to go to the target version.</summary>
    public const string SqlServerVersionAllowed = "SqlServerVersionAllowed";
    /// <summary>The target's total volume size is at least the source's (profile V31: MySQL only).</summary>
    public const string TargetVolumeLargeEnough = "TargetVolumeLargeEnough";
    /// <summary>Source and target are in the same region.</summary>
    public const string SameRegion = "SameRegion";
    /// <summary>SQL Server (profile V31): source and target are in the same time zone (time_zone).</summary>
    public const string SameTimeZone = "SameTimeZone";
    /// <summary>A restore into the source itself is allowed for its engine (profile V31: MySQL and SQL Server only).</summary>
    public const string SourceAsTargetAllowed = "SourceAsTargetAllowed";
    /// <summary>PostgreSQL (profile V31): the target is in no disaster-recovery relation (related_instance).</summary>
    public const string TargetNotInDisasterRecovery = "TargetNotInDisasterRecovery";
    /// <summary>A database map is given only when the source runs SQL Server.</summary>
    public const string DatabaseMapOnlyForSqlServer = "DatabaseMapOnlyForSqlServer";
    /// <summary>New database names follow the naming policy: length, characters, no reserved words.</summary>
    public const string DatabaseNameAllowed = "DatabaseNameAllowed";
    /// <summary>Restored databases do not clash: with the source's or target's existing databases, or with each other.</summary>
    public const string DatabaseNameNotInUse = "DatabaseNameNotInUse";
    /// <summary>Every database the map names is in the backup (backup restores) or on the source (points in time).</summary>
    public const string DatabaseToRestoreExists = "DatabaseToRestoreExists";
    /// <summary>The backup to restore has status COMPLETED.</summary>
    public const string BackupCompleted = "BackupCompleted";
    /// <summary>The backup was taken of the source instance.</summary>
    public const string BackupBelongsToSource = "BackupBelongsToSource";
    /// <summary>The point in time lies inside one of the source's restorable windows.</summary>
    public const string RestoreTimeInWindow = "RestoreTimeInWindow";
    /// <summary>The target is ACTIVE, not RESTORING, and runs no other job.</summary>
    public const string TargetNotBusy = "TargetNotBusy";

    // ---- Database and table restores (PartialRestoreRules), besides the ids above they share ----

    /// <summary>The instance's engine offers the database or table restore (MySQL and PostgreSQL).</summary>
    public const string EngineSupportsPartialRestore = "EngineSupportsPartialRestore";
    /// <summary>Every table to restore existed at the point in time (PostgreSQL: the history listing; MySQL has none: NotChecked).</summary>
    public const string TableToRestoreExists = "TableToRestoreExists";
    /// <summary>New table names follow the documented grammar of the engine.</summary>
    public const string TableNameAllowed = "TableNameAllowed";
    /// <summary>No new table name is taken in its database (and schema).</summary>
    public const string TableNameNotInUse = "TableNameNotInUse";
    /// <summary>The number of databases or tables stays within the service's database_limit or table_limit.</summary>
    public const string RestoreCountWithinLimit = "RestoreCountWithinLimit";
    /// <summary>The instance has room for the restored copies (a full disk stops production writes).</summary>
    public const string RoomForRestoredData = "RoomForRestoredData";
    /// <summary>-FastRestore only where ListInstancesSupportFastRestore says the instance supports it.</summary>
    public const string FastRestoreSupported = "FastRestoreSupported";

    /// <summary>The rule ids of database and table restores that the instance restore does not have.</summary>
    public static IReadOnlyList<string> PartialOnly { get; } = new[]
    {
        EngineSupportsPartialRestore, TableToRestoreExists, TableNameAllowed, TableNameNotInUse, RestoreCountWithinLimit, RoomForRestoredData,
        FastRestoreSupported,
    };

    /// <summary>Every rule id, in the order the rules are evaluated and reported.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        KnownEngine, SameEngine, SameVersion, SqlServerVersionAllowed, TargetVolumeLargeEnough, SameRegion,
        SameTimeZone, SourceAsTargetAllowed, TargetNotInDisasterRecovery,
        DatabaseMapOnlyForSqlServer, DatabaseNameAllowed, DatabaseNameNotInUse, DatabaseToRestoreExists,
        BackupCompleted, BackupBelongsToSource, RestoreTimeInWindow, TargetNotBusy,
    };
}
