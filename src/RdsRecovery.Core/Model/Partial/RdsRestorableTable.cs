namespace RdsRecovery.Model;

/// <summary>A PostgreSQL table that existed at a point in time, as the service's history listing tells it (ListPostgresqlListHistoryTables).</summary>
public sealed class RdsRestorableTable
{
    public string InstanceId { get; set; } = "";
    public string? InstanceName { get; set; }
    /// <summary>The point in time asked about, in UTC.</summary>
    public DateTimeOffset RestoreTime { get; set; }
    public string Database { get; set; } = "";
    public string Schema { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>table_limit: the most tables one restore may name; null when the service did not say.</summary>
    public int? TableLimit { get; set; }

    public override string ToString() => $"{Schema}.{Name}";
}
