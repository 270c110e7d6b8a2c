namespace RdsRecovery.Model;

/// <summary>A database on a SQL Server instance, as the database list returns it (system databases included).</summary>
public sealed class RdsSqlServerDatabase
{
    public string InstanceId { get; set; } = "";
    /// <summary>The instance's name, when the cmdlet that listed the database knew it (for the default view).</summary>
    public string? InstanceName { get; set; }
    public string Name { get; set; } = "";
    public string? CharacterSet { get; set; }
    /// <summary>Creating, Running, Deleting or NotExists.</summary>
    public string? State { get; set; }

    public override string ToString() => Name;
}
