namespace RdsRecovery.Rules.Checks;

internal sealed class KnownEngineRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.KnownEngine;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var problems = new List<string>();
        var known = new List<string>();
        var missing = new List<string>();
        Inspect("source", facts.Source, problems, known, missing);
        Inspect("target", facts.Target, problems, known, missing);
        if (problems.Count > 0)
            return RuleResult.Failed(Id, string.Join("; ", problems) + $". Restoring to an existing instance is documented for {RdsEngines.SupportedList} only.");
        if (missing.Count > 0)
            return RuleResult.NotChecked(Id, $"The engine of the {string.Join(" and the ", missing)} is not known." + (known.Count > 0 ? " " + string.Join("; ", known) + "." : ""));
        return RuleResult.Passed(Id, string.Join("; ", known) + ".");
    }

    private static void Inspect(string role, RdsInstance? instance, List<string> problems, List<string> known, List<string> missing)
    {
        if (instance is null || !Describe.NotBlank(instance.Engine))
        {
            missing.Add(role);
            return;
        }
        var engine = RdsEngines.Parse(instance.Engine);
        if (engine == RdsEngine.Unknown)
            problems.Add($"{Describe.Instance(role, instance)} runs '{instance.Engine}', an engine the rules do not know");
        else if (!RdsEngines.SupportsRestoreToExisting(engine))
            problems.Add($"{Describe.Instance(role, instance)} runs {RdsEngines.DisplayName(engine)}");
        else
            known.Add($"{Describe.Instance(role, instance)} runs {RdsEngines.DisplayName(engine)}");
    }
}
