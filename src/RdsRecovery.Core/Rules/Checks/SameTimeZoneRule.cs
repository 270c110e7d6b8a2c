namespace RdsRecovery.Rules.Checks;

/// <summary>SQL Server: restored data may be inconsistent across time zones, so the v3.1 documents require the same time_zone.</summary>
internal sealed class SameTimeZoneRule() : InstancePairRule(RdsRuleIds.SameTimeZone, "The engines of both instances are needed.", RdsEngine.SqlServer)
{
    protected override bool IsRuleOf(RestoreRuleProfile profile) => profile.SqlServerTimeZoneMustMatch;

    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts) =>
        Unstated("time zone", source.TimeZone, target.TimeZone)
        ?? SameOrFailed(source.TimeZone, target.TimeZone, $"Both are in time zone {source.TimeZone}.",
            $"{Describe.Instance("Source", source)} is in time zone {source.TimeZone} but {Describe.Instance("target", target)} is in {target.TimeZone}; SQL Server restores need the same time zone. Pick a target in {source.TimeZone}.");
}
