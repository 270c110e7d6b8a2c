using System;
using System.Collections.Generic;

namespace RdsRecovery.Emulator.Rules;

/// <summary>Table 1 of the seed spec as data: which SQL Server versions a restore may go to (same year only).</summary>
// Deliberate twin of RdsRecovery.Core/Rules/SqlServerVersionTable.cs; in step by RestoreRuleTests.cs, SqlServerVersionTests.cs and EndToEnd.Compatibility.Tests.ps1.
internal static class SqlServerEditionTable
{
    public static readonly IReadOnlyDictionary<string, string[]> AllowedTargets = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
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

    public static bool Allows(string sourceVersion, string targetVersion) =>
        AllowedTargets.TryGetValue(sourceVersion, out var targets) &&
        Array.Exists(targets, t => string.Equals(t, targetVersion, StringComparison.OrdinalIgnoreCase));
}
