namespace RdsRecovery.Rules.Checks;

internal sealed class RestoreTimeInWindowRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.RestoreTimeInWindow;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        if (request.Mode != RestoreMode.PointInTime)
            return RuleResult.NotChecked(Id, "Applies to point-in-time restores only.");
        if (facts.RestoreWindows is null)
            return RuleResult.NotChecked(Id, $"The restorable windows of source {request.SourceInstanceId} were not looked up.");
        var time = request.RestoreTime!.Value;
        var windows = facts.RestoreWindows
            .Where(w => string.IsNullOrEmpty(w.InstanceId) || string.Equals(w.InstanceId, request.SourceInstanceId, StringComparison.Ordinal))
            .ToList();
        if (windows.Count == 0)
            return RuleResult.Failed(Id, $"Source {request.SourceInstanceId} has no restorable window, so no point in time can be restored. Restore from a backup instead.");
        var inside = windows.FirstOrDefault(w => w.Contains(time));
        return inside is not null
            ? RuleResult.Passed(Id, $"{RestoreTimeRules.Format(time)} is inside {inside}.")
            : RuleResult.Failed(Id, $"{RestoreTimeRules.Format(time)} is outside every restorable window of source {request.SourceInstanceId}: {string.Join("; ", windows)}. Pick a time inside one of them.");
    }
}
