namespace RdsRecovery.Rules.Checks;

internal sealed class SameEngineRule() : InstancePairRule(RdsRuleIds.SameEngine, "The engines of both instances are needed to compare them.")
{
    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts)
    {
        var s = RdsEngines.Parse(source.Engine);
        var t = RdsEngines.Parse(target.Engine);
        // Unknown engines are compared by their normalised spelling, so two instances of a new engine still match.
        var same = s != RdsEngine.Unknown || t != RdsEngine.Unknown
            ? s == t
            : string.Equals(RdsEngines.Normalize(source.Engine), RdsEngines.Normalize(target.Engine), StringComparison.Ordinal);
        return same
            ? RuleResult.Passed(Id, $"Both run {Describe.Engine(source)}.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs {Describe.Engine(source)} but {Describe.Instance("target", target)} runs {Describe.Engine(target)}. A restore needs the same engine on both: pick a target that runs {Describe.Engine(source)}.");
    }
}
