namespace RdsRecovery.Rules.Checks;

internal sealed class SameRegionRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.SameRegion;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var (source, target) = (facts.Source, facts.Target);
        if (source is null || target is null || !Describe.NotBlank(source.Region) || !Describe.NotBlank(target.Region))
            return RuleResult.NotChecked(Id, "The regions of both instances are needed.");
        return string.Equals(source.Region!.Trim(), target.Region!.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RuleResult.Passed(Id, $"Both are in {source.Region}.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} is in {source.Region} but {Describe.Instance("target", target)} is in {target.Region}. Restores across regions are not supported: pick a target in {source.Region}.");
    }
}
