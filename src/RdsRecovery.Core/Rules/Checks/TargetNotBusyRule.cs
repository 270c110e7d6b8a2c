namespace RdsRecovery.Rules.Checks;

internal sealed class TargetNotBusyRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.TargetNotBusy;

    private const string WaitAdvice =
        "Wait for it: Get-RdsRestoreJob -Recent shows the restores this machine sent, and Wait-RdsRestoreJob follows one until the target is ACTIVE; then check the target's data before deciding whether to restore again.";

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var target = facts.Target;
        var status = target is not null && Describe.NotBlank(target.Status) ? target.Status.Trim() : null;
        var who = target is not null ? Describe.Instance("Target", target) : $"Target {request.TargetInstanceId}";
        if (status is not null && string.Equals(status, "RESTORING", StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{who} is RESTORING: a restore is running into it (perhaps one whose answer was lost). {WaitAdvice} " +
                "Do not send another restore into it meanwhile: it would overwrite the target a second time.");
        if (status is not null && !string.Equals(status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{who} is {status}; a restore needs it ACTIVE. Wait until Get-RdsInstance shows it ACTIVE, or fix the instance first, then run the restore again.");
        if (facts.TargetHasRunningJob == true)
            return RuleResult.Failed(Id, $"{who} has a restore from this machine still running. {WaitAdvice} " +
                "Do not send another restore into it meanwhile: it would overwrite the target a second time.");
        if (status is null)
            return RuleResult.NotChecked(Id, "The target's status is not known.");
        return facts.TargetHasRunningJob == false
            ? RuleResult.Passed(Id, $"{who} is ACTIVE with no job running.")
            : RuleResult.Passed(Id, $"{who} is ACTIVE (its running jobs were not looked up).");
    }
}
