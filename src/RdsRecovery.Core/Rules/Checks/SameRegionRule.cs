namespace RdsRecovery.Rules.Checks;

internal sealed class SameRegionRule() : InstancePairRule(RdsRuleIds.SameRegion, "The regions of both instances are needed.")
{
    protected override bool Knows(RdsInstance instance) => Describe.NotBlank(instance.Region);

    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts) =>
        SameOrFailed(source.Region, target.Region, $"Both are in {source.Region}.",
            $"{Describe.Instance("Source", source)} is in {source.Region} but {Describe.Instance("target", target)} is in {target.Region}. Restores across regions are not supported: pick a target in {source.Region}.");
}
