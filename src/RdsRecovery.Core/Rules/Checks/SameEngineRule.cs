namespace RdsRecovery.Rules.Checks;

internal sealed class SameEngineRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.SameEngine;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var (source, target) = (facts.Source, facts.Target);
        if (source is null || target is null || !Describe.NotBlank(source.Engine) || !Describe.NotBlank(target.Engine))
            return RuleResult.NotChecked(Id, "The engines of both instances are needed to compare them.");
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
