namespace RdsRecovery.Rules;

/// <summary>Which statement of the compatibility rules is applied: the seed spec's (with API v3) or the current v3.1 documents'.</summary>
public enum RdsRuleProfile
{
    /// <summary>The seed spec of POST /v3/{project_id}/instances/recovery: the default.</summary>
    Seed,
    /// <summary>The current documents of POST /v3.1/{project_id}/instances/recovery (api-facts.md §1.4-1.6).</summary>
    V31,
}
