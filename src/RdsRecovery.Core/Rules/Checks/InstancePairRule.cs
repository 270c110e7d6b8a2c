namespace RdsRecovery.Rules.Checks;

/// <summary>
/// The skeleton of the rules that compare the source instance with the target. In order: NotChecked when the profile
/// has no such rule, when either instance (or the fact <see cref="Knows"/> reads from both) is not known, and, for a
/// rule of one engine, when not both run it; then <see cref="Compare"/> decides.
/// </summary>
/// <param name="id">The rule id.</param>
/// <param name="factsNeeded">The NotChecked message when an instance or its fact is not known.</param>
/// <param name="onlyFor">The engine both instances must run for the rule to apply; Unknown for any engine.</param>
internal abstract class InstancePairRule(string id, string factsNeeded, RdsEngine onlyFor = RdsEngine.Unknown) : ICompatibilityRule
{
    public string Id { get; } = id;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        if (!IsRuleOf(facts.Profile))
            return RuleResult.NotChecked(Id, $"Not a rule of profile {facts.Profile.Label}.");
        var (source, target) = (facts.Source, facts.Target);
        if (source is null || target is null || !Knows(source) || !Knows(target))
            return RuleResult.NotChecked(Id, factsNeeded);
        if (onlyFor != RdsEngine.Unknown && (RdsEngines.Parse(source.Engine) != onlyFor || RdsEngines.Parse(target.Engine) != onlyFor))
            return RuleResult.NotChecked(Id, $"Applies when both instances run {Prose(onlyFor)}.");
        return Compare(source, target, facts);
    }

    /// <summary>Whether <paramref name="instance"/> states what the rule compares; by default its engine.</summary>
    protected virtual bool Knows(RdsInstance instance) => Describe.NotBlank(instance.Engine);

    /// <summary>Whether the profile has this rule; every profile by default.</summary>
    protected virtual bool IsRuleOf(RestoreRuleProfile profile) => true;

    /// <summary>The verdict once both instances are known and the rule applies.</summary>
    protected abstract RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts);

    /// <summary>NotChecked naming the instance that does not state <paramref name="fact"/>; null when both do.</summary>
    protected RuleResult? Unstated(string fact, string? sourceValue, string? targetValue) =>
        Describe.NotBlank(sourceValue) && Describe.NotBlank(targetValue)
            ? null
            : RuleResult.NotChecked(Id, $"The {fact} of " + (Describe.NotBlank(sourceValue) ? "the target" : "the source") + " is not known.");

    /// <summary>Passed when both instances state the same value (trimmed, in any case), else Failed.</summary>
    protected RuleResult SameOrFailed(string? sourceValue, string? targetValue, string passed, string failed) =>
        string.Equals(sourceValue?.Trim(), targetValue?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RuleResult.Passed(Id, passed)
            : RuleResult.Failed(Id, failed);

    // Messages write the engine as prose: "SQL Server", where the service's spelling is SQLServer.
    private static string Prose(RdsEngine engine) => engine == RdsEngine.SqlServer ? "SQL Server" : RdsEngines.DisplayName(engine);
}
