namespace RdsRecovery.Rules;

/// <summary>
/// The data the compatibility rules share whatever the profile: reserved name parts, relation types and spellings.
/// What differs between profiles (the SQL Server table, name policy, version rules) is in <see cref="RestoreRuleProfiles"/>.
/// </summary>
internal static class RestoreRuleData
{
    /// <summary>New SQL Server database names: the shortest allowed (the longest is a profile's).</summary>
    public const int DatabaseNameMinLength = 1;

    /// <summary>Substrings a new database name must not contain, compared case-insensitively.</summary>
    public static readonly IReadOnlyList<string> ReservedDatabaseNameParts = new[] { "rdsadmin", "master", "msdb", "tempdb", "model", "resource" };

    /// <summary>
    /// PostgreSQL: related_instance types that mark a disaster-recovery relation. The SDK documents only "replica_of"
    /// and "replica" (read replicas, not DR); these DR spellings are an assumption no source confirms, so any other
    /// type is read as unknown (the rule is then NotChecked).
    /// </summary>
    public static readonly IReadOnlyList<string> DisasterRecoveryRelationTypes = new[] { "dr", "dr_master", "dr_slave", "dr_primary", "dr_standby", "disaster_recovery" };

    /// <summary>related_instance types known not to be disaster recovery: the read-replica relation, both ways (SDK RelatedInstance).</summary>
    public static readonly IReadOnlyList<string> ReplicaRelationTypes = new[] { "replica", "replica_of" };

    /// <summary>Engine spellings, compared after lower-casing and removing spaces, '_' and '-'.</summary>
    public static readonly IReadOnlyDictionary<string, RdsEngine> EngineSpellings = new Dictionary<string, RdsEngine>
    {
        ["mysql"] = RdsEngine.MySql,
        ["postgresql"] = RdsEngine.PostgreSql,
        ["postgres"] = RdsEngine.PostgreSql,
        ["sqlserver"] = RdsEngine.SqlServer,
        ["mssql"] = RdsEngine.SqlServer,
        ["mariadb"] = RdsEngine.MariaDb,
    };

    /// <summary>Engines for which the spec documents restoring to an existing instance.</summary>
    public static readonly IReadOnlyList<RdsEngine> RestoreEngines = new[] { RdsEngine.MySql, RdsEngine.PostgreSql, RdsEngine.SqlServer };

    /// <summary>SQL Server edition spellings (upper-cased) to editions.</summary>
    public static readonly IReadOnlyDictionary<string, SqlServerEdition> EditionSpellings = new Dictionary<string, SqlServerEdition>
    {
        ["WEB"] = SqlServerEdition.Web,
        ["SE"] = SqlServerEdition.Standard,
        ["STD"] = SqlServerEdition.Standard,
        ["STANDARD"] = SqlServerEdition.Standard,
        ["EE"] = SqlServerEdition.Enterprise,
        ["ENT"] = SqlServerEdition.Enterprise,
        ["ENTERPRISE"] = SqlServerEdition.Enterprise,
        ["EX"] = SqlServerEdition.Express,
        ["EXPRESS"] = SqlServerEdition.Express,
    };
}
