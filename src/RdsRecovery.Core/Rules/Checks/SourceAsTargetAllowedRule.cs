namespace RdsRecovery.Rules.Checks;

/// <summary>Restoring into the source itself: the seed allows it for every engine, the v3.1 documents for MySQL and SQL Server only.</summary>
internal sealed class SourceAsTargetAllowedRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.SourceAsTargetAllowed;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        if (!request.IsRestoreToSource)
            return RuleResult.Passed(Id, "The target is not the source itself.");
        var source = facts.Source;
        if (source is null || !Describe.NotBlank(source.Engine))
            return RuleResult.NotChecked(Id, "The restore goes into the source itself; the source's engine is not known.");
        var allowed = facts.Profile.SourceAsTargetEngines;
        var engine = RdsEngines.Parse(source.Engine);
        return allowed.Contains(engine)
            ? RuleResult.Passed(Id, $"{RdsEngines.DisplayName(engine)} may be restored into the source itself (profile {facts.Profile.Label}).")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs {Describe.Engine(source)}; under profile {facts.Profile.Label} only " +
                $"{string.Join(" and ", allowed.Select(RdsEngines.DisplayName))} may be restored into the source itself. Restore into another instance.");
    }
}
