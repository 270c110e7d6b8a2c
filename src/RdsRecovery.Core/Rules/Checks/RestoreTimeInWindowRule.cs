namespace RdsRecovery.Rules.Checks;

internal sealed class RestoreTimeInWindowRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.RestoreTimeInWindow;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts) => request.Mode != RestoreMode.PointInTime
        ? RuleResult.NotChecked(Id, "Applies to point-in-time restores only.")
        : Judge(facts.RestoreWindows, "source", request.SourceInstanceId, request.RestoreTime!.Value,
            ". Restore from a backup instead.", ".");

    /// <summary>
    /// The verdict for every kind of restore (database and table restores too): <paramref name="time"/> must lie in one
    /// of the restorable windows of the instance the data comes from (a window naming no instance counts as its own).
    /// </summary>
    /// <param name="role">How the messages name the instance: "source" or "instance".</param>
    /// <param name="noWindowEnd">How the message ends when the instance has no window at all.</param>
    /// <param name="outsideEnd">How the message ends when the time is outside every window.</param>
    internal static RuleResult Judge(IReadOnlyList<RdsRestoreWindow>? knownWindows, string role, string instanceId, DateTimeOffset time,
        string noWindowEnd, string outsideEnd)
    {
        const string rule = RdsRuleIds.RestoreTimeInWindow;
        if (knownWindows is null)
            return RuleResult.NotChecked(rule, $"The restorable windows of {role} {instanceId} were not looked up.");
        var windows = knownWindows
            .Where(w => string.IsNullOrEmpty(w.InstanceId) || string.Equals(w.InstanceId, instanceId, StringComparison.Ordinal))
            .ToList();
        if (windows.Count == 0)
            return RuleResult.Failed(rule, $"{char.ToUpperInvariant(role[0])}{role.Substring(1)} {instanceId} has no restorable window, so no point in time can be restored{noWindowEnd}");
        var inside = windows.FirstOrDefault(w => w.Contains(time));
        return inside is not null
            ? RuleResult.Passed(rule, $"{RestoreTimeRules.Format(time)} is inside {inside}.")
            : RuleResult.Failed(rule, $"{RestoreTimeRules.Format(time)} is outside every restorable window of {role} {instanceId}: {string.Join("; ", windows)}. Pick a time inside one of them{outsideEnd}");
    }
}
