namespace RdsRecovery.Model;

/// <summary>
/// One answer of a history listing: what existed at a point in time on the instances asked about, and the service's
/// limits.
/// </summary>
public sealed class RdsHistoryListing
{
    public int? DatabaseLimit { get; init; }
    public int? TableLimit { get; init; }
    public IReadOnlyList<RdsRestorableDatabase> Databases { get; init; } = Array.Empty<RdsRestorableDatabase>();
    public IReadOnlyList<RdsRestorableTable> Tables { get; init; } = Array.Empty<RdsRestorableTable>();
}

/// <summary>What ListInstancesSupportFastRestore says of one instance; null where it did not say.</summary>
public sealed class RdsFastRestoreSupport
{
    public string InstanceId { get; init; } = "";
    public bool? Databases { get; init; }
    public bool? Tables { get; init; }
}
