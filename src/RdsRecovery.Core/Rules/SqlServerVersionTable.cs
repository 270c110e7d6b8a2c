namespace RdsRecovery.Rules;

/// <summary>A SQL Server version table of a rule profile (which versions each version may be restored to), indexed once. Several rows may name one source (one per document): any of them allows.</summary>
// Its data (RestoreRuleProfiles.cs) is a deliberate twin of the emulator's Rules/SqlServerVersionTable.cs; in step by
// SqlServerVersionTests.cs, RuleProfileTests.cs, RestoreRuleTests.cs, RestoreV31Tests.cs and EndToEnd.Sweep.Tests.ps1.
public sealed class SqlServerVersionTable
{
    private readonly Dictionary<SqlServerVersion, List<(SqlServerVersion Target, SqlServerTableRow Row)>> _table = new();

    public SqlServerVersionTable(IReadOnlyList<SqlServerTableRow> rows)
    {
        Rows = rows ?? throw new ArgumentNullException(nameof(rows));
        var sources = new List<SqlServerVersion>();
        foreach (var row in rows)
        {
            var source = ParseData(row.Source);
            if (!_table.TryGetValue(source, out var targets))
            {
                _table.Add(source, targets = new List<(SqlServerVersion, SqlServerTableRow)>());
                sources.Add(source);
            }
            targets.AddRange(row.Targets.Select(t => (ParseData(t), row)));
        }
        KnownSources = sources;
    }

    public IReadOnlyList<SqlServerTableRow> Rows { get; }

    /// <summary>Every source version the table knows, in table order.</summary>
    public IReadOnlyList<SqlServerVersion> KnownSources { get; }

    /// <summary>The versions <paramref name="source"/> may be restored to; null when the table does not know it.</summary>
    public IReadOnlyList<SqlServerVersion>? AllowedTargets(SqlServerVersion source) =>
        _table.TryGetValue(source, out var targets) ? targets.Select(t => t.Target).Distinct().ToList() : null;

    /// <summary>The row that allows <paramref name="source"/> to go to <paramref name="target"/>, or null.</summary>
    public SqlServerTableRow? RowAllowing(SqlServerVersion source, SqlServerVersion target) =>
        _table.TryGetValue(source, out var targets) ? targets.FirstOrDefault(t => t.Target.Equals(target)).Row : null;

    // The data is ours: a spelling it cannot parse is a bug to find at once, not a rule to skip.
    private static SqlServerVersion ParseData(string text) =>
        SqlServerVersion.TryParse(text, out var v) ? v : throw new InvalidOperationException($"A rule profile holds an unreadable SQL Server version '{text}'.");
}
