namespace RdsRecovery.Rules.Checks;

/// <summary>SQL Server: restored data may be inconsistent across time zones, so the v3.1 documents require the same time_zone.</summary>
internal sealed class SameTimeZoneRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.SameTimeZone;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        if (!facts.Profile.SqlServerTimeZoneMustMatch)
            return RuleResult.NotChecked(Id, $"Not a rule of profile {facts.Profile.Label}.");
        var (source, target) = (facts.Source, facts.Target);
        if (source is null || target is null || !Describe.NotBlank(source.Engine) || !Describe.NotBlank(target.Engine))
            return RuleResult.NotChecked(Id, "The engines of both instances are needed.");
        if (RdsEngines.Parse(source.Engine) != RdsEngine.SqlServer || RdsEngines.Parse(target.Engine) != RdsEngine.SqlServer)
            return RuleResult.NotChecked(Id, "Applies when both instances run SQL Server.");
        if (!Describe.NotBlank(source.TimeZone) || !Describe.NotBlank(target.TimeZone))
            return RuleResult.NotChecked(Id, "The time zone of " + (Describe.NotBlank(source.TimeZone) ? "the target" : "the source") + " is not known.");
        return string.Equals(source.TimeZone!.Trim(), target.TimeZone!.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RuleResult.Passed(Id, $"Both are in time zone {source.TimeZone}.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} is in time zone {source.TimeZone} but {Describe.Instance("target", target)} is in {target.TimeZone}; SQL Server restores need the same time zone. Pick a target in {source.TimeZone}.");
    }
}
