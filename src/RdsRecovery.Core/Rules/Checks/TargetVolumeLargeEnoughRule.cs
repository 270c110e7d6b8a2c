namespace RdsRecovery.Rules.Checks;

internal sealed class TargetVolumeLargeEnoughRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.TargetVolumeLargeEnough;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var (source, target) = (facts.Source, facts.Target);
        // A size of 0 is the default of an object built without one: unknown, not empty.
        if (source is null || target is null || source.VolumeSizeGB <= 0 || target.VolumeSizeGB <= 0)
            return RuleResult.NotChecked(Id, "The volume sizes of both instances are needed.");
        if (RdsEngines.Parse(source.Engine) is var engine && !facts.Profile.VolumeRuleEngines.Contains(engine))
            return RuleResult.NotChecked(Id, $"Under profile {facts.Profile.Label} the volume rule applies to {string.Join(", ", facts.Profile.VolumeRuleEngines.Select(RdsEngines.DisplayName))} only.");
        return target.VolumeSizeGB >= source.VolumeSizeGB
            ? RuleResult.Passed(Id, $"{target.VolumeSizeGB} GB >= {source.VolumeSizeGB} GB.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Target", target)} has {target.VolumeSizeGB} GB, less than the {source.VolumeSizeGB} GB of {Describe.Instance("source", source)}. Extend the target's storage to at least {source.VolumeSizeGB} GB first.");
    }
}
