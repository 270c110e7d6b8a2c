using RdsRecovery.Rules;

namespace RdsRecovery.Restore;

/// <summary>
/// What one restore sends for an API version: the path, and whether the body carries restore_all_database. v3.1
/// documents that restoring every SQL Server database needs <c>"restore_all_database": true</c> (api-facts.md §1.5),
/// so a SQL Server restore without a map sends it there; with a map, and on v3, it is never sent.
/// </summary>
public static class RestoreWire
{
    /// <summary>True or false when decided; null when it depends on the source's engine and that is not known.</summary>
    public static bool? SendsRestoreAllDatabases(RestoreRequest request, RdsRestoreApiVersion version, string? sourceEngine)
    {
        if (version != RdsRestoreApiVersion.V31 || request.DatabaseMap is not null) return false;
        if (string.IsNullOrWhiteSpace(sourceEngine)) return null;
        return RdsEngines.Parse(sourceEngine) == RdsEngine.SqlServer;
    }

    /// <summary>The exact body for <paramref name="version"/>; an unknown engine sends no restore_all_database.</summary>
    public static string Body(RestoreRequest request, RdsRestoreApiVersion version, string? sourceEngine) =>
        request.ToJson(SendsRestoreAllDatabases(request, version, sourceEngine) == true);
}
