using System;
using System.Collections.Generic;
using System.Linq;

namespace RdsRecovery.Rules;

/// <summary>The SQL Server restore table of <see cref="RestoreRuleData"/>, indexed once on first use.</summary>
// Deliberate twin of the emulator's Rules/SqlServerEditionTable.cs; in step by SqlServerVersionTests.cs, RestoreRuleTests.cs and EndToEnd.Compatibility.Tests.ps1.
public static class SqlServerVersionTable
{
    private static readonly Lazy<Dictionary<SqlServerVersion, IReadOnlyList<SqlServerVersion>>> Table =
        new Lazy<Dictionary<SqlServerVersion, IReadOnlyList<SqlServerVersion>>>(Build);

    /// <summary>Every source version the table knows, in table order.</summary>
    public static IReadOnlyList<SqlServerVersion> KnownSources { get; } =
        RestoreRuleData.SqlServerAllowedTargets.Select(r => ParseData(r.Key)).ToList();

    /// <summary>The versions <paramref name="source"/> may be restored to; null when the table does not know it.</summary>
    public static IReadOnlyList<SqlServerVersion>? AllowedTargets(SqlServerVersion source) =>
        Table.Value.TryGetValue(source, out var targets) ? targets : null;

    public static bool IsAllowed(SqlServerVersion source, SqlServerVersion target) =>
        AllowedTargets(source)?.Contains(target) ?? false;

    private static Dictionary<SqlServerVersion, IReadOnlyList<SqlServerVersion>> Build()
    {
        var table = new Dictionary<SqlServerVersion, IReadOnlyList<SqlServerVersion>>();
        foreach (var row in RestoreRuleData.SqlServerAllowedTargets)
            table.Add(ParseData(row.Key), row.Value.Select(ParseData).ToList());
        return table;
    }

    // The data file is ours: a spelling it cannot parse is a bug to find at once, not a rule to skip.
    private static SqlServerVersion ParseData(string text) =>
        SqlServerVersion.TryParse(text, out var v) ? v : throw new InvalidOperationException($"RestoreRuleData holds an unreadable SQL Server version '{text}'.");
}
