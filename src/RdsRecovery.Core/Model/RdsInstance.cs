namespace RdsRecovery.Model;

/// <summary>An RDS DB instance as the list-instances API describes it, reduced to what restores need.</summary>
/// <remarks>Public setters and a parameterless constructor let users build one in their own Pester tests.</remarks>
public sealed class RdsInstance
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>Single, Ha or Replica.</summary>
    public string Type { get; set; } = "";
    /// <summary>The datastore type as the service spells it: MySQL, PostgreSQL, SQLServer, MariaDB.</summary>
    public string Engine { get; set; } = "";
    /// <summary>The datastore version, for example 8.0, 14 or 2014_SE.</summary>
    public string EngineVersion { get; set; } = "";
    /// <summary>The full kernel version (MySQL/PostgreSQL only), when the service returns it.</summary>
    public string? CompleteVersion { get; set; }
    public string? VolumeType { get; set; }
    /// <summary>Total data volume size in GB.</summary>
    public int VolumeSizeGB { get; set; }
    public string? Region { get; set; }
    /// <summary>related_instance: read replicas and disaster-recovery peers; null when the service did not say.</summary>
    public RdsRelatedInstance[]? RelatedInstances { get; set; }
    public string? TimeZone { get; set; }
    public int? Port { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Name) ? Id : $"{Name} ({Id})";
}
