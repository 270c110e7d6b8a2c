namespace RdsRecovery.Rules;

/// <summary>
/// When a refusal may mention -SkipCompatibilityCheck. Only for rules whose knowledge can lag the service's
/// (the SQL Server version table, the list of engines, the naming policy): there the service may accept what
/// this module refuses, and the service still checks. Never for a busy target (skipping could start a second
/// restore into it, the worst case right after a restore whose outcome was unknown) nor for any rule whose
/// fix is to change the request: those messages name the safe fix instead.
/// </summary>
public static class SkipAdvice
{
    private static readonly HashSet<string> MayLagTheService = new(StringComparer.Ordinal)
    {
        RdsRuleIds.SqlServerVersionAllowed,
        RdsRuleIds.KnownEngine,
        RdsRuleIds.DatabaseNameAllowed,
        // Assumed from the table-restore pages; no model states the table grammar.
        RdsRuleIds.TableNameAllowed,
    };

    /// <summary>True when every failed rule is one whose table may be older than the service's.</summary>
    public static bool MayMention(IEnumerable<RuleResult> failed)
    {
        var list = failed.ToList();
        return list.Count > 0 && list.All(r => MayLagTheService.Contains(r.RuleId));
    }

    /// <summary>The closing sentence of a refusal listing <paramref name="failed"/>.</summary>
    public static string Closing(IEnumerable<RuleResult> failed) => MayMention(failed)
        ? " Nothing was sent. Fix the request as each rule says; only if you know the service accepts it (its tables may be newer than this module's), -SkipCompatibilityCheck sends it and the service still checks it."
        : " Nothing was sent. Fix the request as each rule says.";
}
