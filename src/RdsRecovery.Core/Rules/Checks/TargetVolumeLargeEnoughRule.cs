namespace RdsRecovery.Rules.Checks;

internal sealed class TargetVolumeLargeEnoughRule() : InstancePairRule(RdsRuleIds.TargetVolumeLargeEnough, "The volume sizes of both instances are needed.")
{
    // A size of 0 is the default of an object built without one: unknown, not empty.
    protected override bool Knows(RdsInstance instance) => instance.VolumeSizeGB > 0;

    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts)
    {
        if (RdsEngines.Parse(source.Engine) is var engine && !facts.Profile.VolumeRuleEngines.Contains(engine))
            return RuleResult.NotChecked(Id, $"Under profile {facts.Profile.Label} the volume rule applies to {string.Join(", ", facts.Profile.VolumeRuleEngines.Select(RdsEngines.DisplayName))} only.");
        return target.VolumeSizeGB >= source.VolumeSizeGB
            ? RuleResult.Passed(Id, $"{target.VolumeSizeGB} GB >= {source.VolumeSizeGB} GB.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Target", target)} has {target.VolumeSizeGB} GB, less than the {source.VolumeSizeGB} GB of {Describe.Instance("source", source)}. Extend the target's storage to at least {source.VolumeSizeGB} GB first.");
    }
}
