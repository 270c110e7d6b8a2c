namespace RdsRecovery.Rules.Checks;

/// <summary>
/// The skeleton of the rules about a SQL Server database map (-DatabaseName): without a map they pass with
/// <paramref name="noMap"/>; with one, <see cref="Judge"/> decides.
/// </summary>
internal abstract class DatabaseMapRule(string id, string noMap) : ICompatibilityRule
{
    public string Id { get; } = id;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts) =>
        request.DatabaseMap is { } map ? Judge(request, map, facts) : RuleResult.Passed(Id, noMap);

    protected abstract RuleResult Judge(RestoreRequest request, IReadOnlyList<KeyValuePair<string, string>> map, RestoreFacts facts);
}
