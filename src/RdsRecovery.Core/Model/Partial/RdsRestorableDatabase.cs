namespace RdsRecovery.Model;

/// <summary>
/// A database that existed on an instance at a point in time, as the service's history listing tells it
/// (ListHistoryDatabase), with the service's limits on one database or table restore.
/// </summary>
public sealed class RdsRestorableDatabase
{
    public string InstanceId { get; set; } = "";
    public string? InstanceName { get; set; }
    /// <summary>MySQL or PostgreSQL.</summary>
    public string Engine { get; set; } = "";
    /// <summary>The point in time asked about, in UTC.</summary>
    public DateTimeOffset RestoreTime { get; set; }
    public string Name { get; set; } = "";
    /// <summary>How many tables the database held then; null when the service did not say.</summary>
    public int? TotalTables { get; set; }
    /// <summary>database_limit: the most databases one restore may name; null when the service did not say.</summary>
    public int? DatabaseLimit { get; set; }
    /// <summary>table_limit: the most tables one restore may name; null when the service did not say.</summary>
    public int? TableLimit { get; set; }

    public override string ToString() => Name;
}
