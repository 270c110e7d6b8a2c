namespace RdsRecovery.Emulator.Rules;

/// <summary>Which SQL Server versions a restore may go to, per route.</summary>
// Deliberate twin of the client's RdsRecovery.Core/Rules/RestoreRuleProfiles.cs tables; in step by RestoreRuleTests.cs, RestoreV31Tests.cs,
// SqlServerVersionTests.cs, RuleProfileTests.cs and EndToEnd.Sweep.Tests.ps1.
internal static class SqlServerVersionTable
{
    /// <summary>v3: Table 1 of the seed spec (same year only).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SeedTable = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["2008_R2_WEB"] = new[] { "2008_R2_WEB", "2008_R2_EE" },
        ["2008_R2_EE"] = new[] { "2008_R2_EE" },
        ["2012_WEB"] = new[] { "2012_WEB", "2012_SE", "2012_EE" },
        ["2012_SE"] = new[] { "2012_SE", "2012_EE" },
        ["2012_EE"] = new[] { "2012_EE" },
        ["2014_WEB"] = new[] { "2014_WEB", "2014_SE", "2014_EE" },
        ["2014_SE"] = new[] { "2014_SE", "2014_EE" },
        ["2014_EE"] = new[] { "2014_EE" },
        ["2016_WEB"] = new[] { "2016_WEB", "2016_SE", "2016_EE" },
        ["2016_SE"] = new[] { "2016_SE", "2016_EE" },
        ["2016_EE"] = new[] { "2016_EE" },
        ["2017_EE"] = new[] { "2017_EE" },
    };

    /// <summary>
    /// v3.1: the union of the current documents (Huawei Cloud China 2008 R2 rows, Huawei Cloud my-kualalumpur-1 2012-2017 rows,
    /// Open Telekom Cloud 2017-2022 rows). A version no document lists is refused, as the service refuses what it does not support.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> CurrentTable = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["2008_R2_WEB"] = new[] { "2008_R2_WEB", "2008_R2_SE", "2008_R2_EE", "2012_WEB", "2012_SE", "2012_EE", "2014_WEB", "2014_SE", "2014_EE",
            "2016_WEB", "2016_SE", "2016_EE", "2017_WEB", "2017_SE", "2017_EE" },
        ["2008_R2_EE"] = new[] { "2008_R2_EE", "2012_EE", "2014_EE", "2016_EE", "2017_EE" },
        ["2012_WEB"] = new[] { "2012_WEB", "2012_SE", "2012_EE" },
        ["2012_SE"] = new[] { "2012_SE", "2012_EE" },
        ["2012_EE"] = new[] { "2012_EE" },
        ["2014_SE"] = new[] { "2014_SE", "2014_EE" },
        ["2014_EE"] = new[] { "2014_EE" },
        ["2016_SE"] = new[] { "2016_SE", "2016_EE" },
        ["2016_EE"] = new[] { "2016_EE" },
        ["2017_WEB"] = new[] { "2017_WEB", "2017_SE", "2017_EE" },
        ["2017_SE"] = new[] { "2017_SE", "2017_EE", "2019_SE", "2019_EE" },
        ["2017_EE"] = new[] { "2017_EE", "2019_EE" },
        ["2019_SE"] = new[] { "2019_SE", "2019_EE", "2022_SE", "2022_EE" },
        ["2019_EE"] = new[] { "2019_SE", "2019_EE", "2022_EE" },
        ["2022_SE"] = new[] { "2022_SE", "2022_EE" },
        ["2022_EE"] = new[] { "2022_SE", "2022_EE" },
    };

    public static bool Allows(IReadOnlyDictionary<string, string[]> table, string sourceVersion, string targetVersion) =>
        table.TryGetValue(sourceVersion, out var targets) &&
        Array.Exists(targets, t => string.Equals(t, targetVersion, StringComparison.OrdinalIgnoreCase));
}
