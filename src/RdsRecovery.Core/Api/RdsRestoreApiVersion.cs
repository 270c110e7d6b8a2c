namespace RdsRecovery.Api;

/// <summary>Which path the restore POST uses: the seed spec's v3 (default) or the newer v3.1 (api-facts.md §1.1).</summary>
public enum RdsRestoreApiVersion
{
    /// <summary>POST /v3/{project_id}/instances/recovery.</summary>
    V3,
    /// <summary>POST /v3.1/{project_id}/instances/recovery (accepts restore_all_database).</summary>
    V31,
}
