namespace RdsRecovery.Emulator.Rules;

/// <summary>The two restore routes the emulator serves.</summary>
internal enum RestoreApi { V3, V31 }

/// <summary>
/// What differs between the service's v3 rules (the seed spec) and its v3.1 rules (the current documents), as data
/// the one validator reads. Written from the documents, independently of the client module.
/// </summary>
internal sealed record RuleBook(
    RestoreApi Api,
    bool MySqlMinorVersions,
    string[] MySqlUpgradableVersions,
    string[] VolumeEngines,
    string[] SelfRestoreEngines,
    bool SqlServerSameTimeZone,
    bool PostgreSqlRefusesDisasterRecoveryTarget,
    int NameMaxLength,
    bool NameAllowsHyphen,
    bool SeveralNamesPerDatabase,
    bool RequiresRestoreAllDatabase,
    IReadOnlyDictionary<string, string[]> SqlServerVersions)
{
    /// <summary>The relation type the emulator's fleet uses for disaster recovery; read replicas are "replica"/"replica_of".</summary>
    public const string DisasterRecoveryType = "dr";

    private static readonly string[] AllEngines = { "MySQL", "PostgreSQL", "SQLServer" };

    public static RuleBook V3 { get; } = new(RestoreApi.V3, false, Array.Empty<string>(), AllEngines, AllEngines, false, false,
        128, false, false, false, SqlServerVersionTable.SeedTable);

    public static RuleBook V31 { get; } = new(RestoreApi.V31, true, new[] { "5.6", "5.7" }, new[] { "MySQL" }, new[] { "MySQL", "SQLServer" },
        true, true, 64, true, true, true, SqlServerVersionTable.CurrentTable);

    public static RuleBook For(RestoreApi api) => api == RestoreApi.V31 ? V31 : V3;
}
