namespace RdsRecovery.Api;

/// <summary>Filters of the list-instances call; all optional.</summary>
public sealed class RdsInstanceFilter
{
    public string? Id { get; set; }
    /// <summary>Exact name, or a leading '*' for the API's fuzzy match ('*' alone is not allowed).</summary>
    public string? Name { get; set; }
    /// <summary>datastore_type, case-sensitive: MySQL, PostgreSQL, SQLServer, MariaDB.</summary>
    public string? Engine { get; set; }
}
