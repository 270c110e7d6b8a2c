namespace RdsRecovery.Rules;

/// <summary>
/// The two rule profiles as data. Seed: the seed spec (restore-to-existing-instance, Table 1 and Table 4). V31: the
/// current documents of the v3.1 API (api-facts.md §1.4-1.6). Each SQL Server row names the cloud and document it
/// comes from; rows no source confirms are left out (see <see cref="RestoreRuleProfile.SqlServerTableNote"/>).
/// </summary>
public static class RestoreRuleProfiles
{
    private const string HuaweiChina = "Huawei Cloud, RDS API v3.1 'restore to an existing DB instance' (rds_09_0009, 2026-02-12)";
    private const string HuaweiKualaLumpur = "Huawei Cloud my-kualalumpur-1, RDS API 'restore to an existing DB instance' (rds_09_0009, 2022)";
    private const string OpenTelekom = "Open Telekom Cloud, RDS API reference v3 and v3.1 'restoring data to an existing DB instance'";
    private const string SeedSpec = "seed spec, Table 1";

    private static readonly RdsEngine[] AllEngines = { RdsEngine.MySql, RdsEngine.PostgreSql, RdsEngine.SqlServer };

    public static RestoreRuleProfile Seed { get; } = new(RdsRuleProfile.Seed, RdsRestoreApiVersion.V3, new[]
    {
        Row(SeedSpec, "2008_R2_WEB", "2008_R2_WEB", "2008_R2_EE"),
        Row(SeedSpec, "2008_R2_EE", "2008_R2_EE"),
        Row(SeedSpec, "2012_WEB", "2012_WEB", "2012_SE", "2012_EE"),
        Row(SeedSpec, "2012_SE", "2012_SE", "2012_EE"),
        Row(SeedSpec, "2012_EE", "2012_EE"),
        Row(SeedSpec, "2014_WEB", "2014_WEB", "2014_SE", "2014_EE"),
        Row(SeedSpec, "2014_SE", "2014_SE", "2014_EE"),
        Row(SeedSpec, "2014_EE", "2014_EE"),
        Row(SeedSpec, "2016_WEB", "2016_WEB", "2016_SE", "2016_EE"),
        Row(SeedSpec, "2016_SE", "2016_SE", "2016_EE"),
        Row(SeedSpec, "2016_EE", "2016_EE"),
        Row(SeedSpec, "2017_EE", "2017_EE"),
    })
    {
        UnlistedSqlServerSourceFails = true,
        SqlServerTableNote = "The seed spec's Table 1: same-year edition upgrades only; a version it does not list cannot be restored.",
        MySqlComparesMinorVersion = false,
        VolumeRuleEngines = AllEngines,
        SourceAsTargetEngines = AllEngines,
        SqlServerTimeZoneMustMatch = false,
        PostgreSqlRefusesDisasterRecoveryTarget = false,
        DatabaseNameMaxLength = 128,
        DatabaseNameExtraCharacters = "",
        SeveralNewNamesPerDatabase = false,
    };

    public static RestoreRuleProfile V31 { get; } = new(RdsRuleProfile.V31, RdsRestoreApiVersion.V31, new[]
    {
        Row(HuaweiChina, "2008_R2_WEB", "2008_R2_WEB", "2008_R2_SE", "2008_R2_EE", "2012_WEB", "2012_SE", "2012_EE", "2014_WEB", "2014_SE", "2014_EE",
            "2016_WEB", "2016_SE", "2016_EE", "2017_WEB", "2017_SE", "2017_EE"),
        Row(HuaweiChina, "2008_R2_EE", "2008_R2_EE", "2012_EE", "2014_EE", "2016_EE", "2017_EE"),
        Row(HuaweiKualaLumpur, "2012_WEB", "2012_WEB", "2012_SE", "2012_EE"),
        Row(HuaweiKualaLumpur, "2012_SE", "2012_SE", "2012_EE"),
        Row(HuaweiKualaLumpur, "2012_EE", "2012_EE"),
        Row(HuaweiKualaLumpur, "2014_SE", "2014_SE", "2014_EE"),
        Row(HuaweiKualaLumpur, "2014_EE", "2014_EE"),
        Row(HuaweiKualaLumpur, "2016_SE", "2016_SE", "2016_EE"),
        Row(HuaweiKualaLumpur, "2016_EE", "2016_EE"),
        Row(HuaweiKualaLumpur, "2017_WEB", "2017_WEB", "2017_SE", "2017_EE"),
        Row(HuaweiKualaLumpur, "2017_SE", "2017_SE", "2017_EE"),
        Row(HuaweiKualaLumpur, "2017_EE", "2017_EE"),
        Row(OpenTelekom, "2017_SE", "2017_SE", "2017_EE", "2019_SE", "2019_EE"),
        Row(OpenTelekom, "2017_EE", "2017_EE", "2019_EE"),
        Row(OpenTelekom, "2019_SE", "2019_SE", "2019_EE", "2022_SE", "2022_EE"),
        Row(OpenTelekom, "2019_EE", "2019_SE", "2019_EE", "2022_EE"),
        Row(OpenTelekom, "2022_SE", "2022_SE", "2022_EE"),
        Row(OpenTelekom, "2022_EE", "2022_SE", "2022_EE"),
    })
    {
        UnlistedSqlServerSourceFails = false,
        SqlServerTableNote = "Rows from the current Huawei Cloud and Open Telekom Cloud documents; left out because no source confirms them: " +
            "2008 R2 SE (the Huawei page is cut off after its first targets), 2008 SE (its version string is unknown), 2014 Web, 2016 Web, 2019 Web and 2022 Web. " +
            "A source version without a row is NotChecked, not refused.",
        MySqlComparesMinorVersion = true,
        MySqlMinorUpgradeVersions = new[] { "5.6", "5.7" },
        VolumeRuleEngines = new[] { RdsEngine.MySql },
        SourceAsTargetEngines = new[] { RdsEngine.MySql, RdsEngine.SqlServer },
        SqlServerTimeZoneMustMatch = true,
        PostgreSqlRefusesDisasterRecoveryTarget = true,
        DatabaseNameMaxLength = 64,
        DatabaseNameExtraCharacters = "-",
        SeveralNewNamesPerDatabase = true,
    };

    public static IReadOnlyList<RestoreRuleProfile> All { get; } = new[] { Seed, V31 };

    public static RestoreRuleProfile Get(RdsRuleProfile name) => name switch
    {
        RdsRuleProfile.Seed => Seed,
        RdsRuleProfile.V31 => V31,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown rule profile."),
    };

    /// <summary>The profile whose documents belong to an API version: Seed for v3, V31 for v3.1.</summary>
    public static RestoreRuleProfile ForApiVersion(RdsRestoreApiVersion version) => version == RdsRestoreApiVersion.V31 ? V31 : Seed;

    private static SqlServerTableRow Row(string origin, string source, params string[] targets) => new(source, targets, origin);
}
