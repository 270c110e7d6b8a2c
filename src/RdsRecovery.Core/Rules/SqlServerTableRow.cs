namespace RdsRecovery.Rules;

/// <summary>One row of a SQL Server edition table: a source version, the versions it may go to, and where the row comes from.</summary>
public sealed class SqlServerTableRow
{
    public SqlServerTableRow(string source, IReadOnlyList<string> targets, string origin)
    {
        Source = source;
        Targets = targets;
        Origin = origin;
    }

    /// <summary>The source version in the service's spelling, for example 2017_SE.</summary>
    public string Source { get; }
    public IReadOnlyList<string> Targets { get; }
    /// <summary>The cloud and document the row was read from.</summary>
    public string Origin { get; }

    public override string ToString() => $"{Source} -> {string.Join(", ", Targets)} ({Origin})";
}
