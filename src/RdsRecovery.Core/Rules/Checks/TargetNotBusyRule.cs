using System;
using RdsRecovery.Model;

namespace RdsRecovery.Rules.Checks;

internal sealed class TargetNotBusyRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.TargetNotBusy;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var target = facts.Target;
        var status = target is not null && Describe.Known(target.Status) ? target.Status.Trim() : null;
        var who = target is not null ? Describe.Instance("Target", target) : $"Target {request.TargetInstanceId}";
        if (status is not null && string.Equals(status, "RESTORING", StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{who} is RESTORING: another restore is running on it. Wait until it is ACTIVE.");
        if (status is not null && !string.Equals(status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{who} is {status}; a restore needs it ACTIVE. Wait, or fix the instance first.");
        if (facts.TargetHasRunningJob == true)
            return RuleResult.Failed(Id, $"{who} has a job running. Wait for it to finish.");
        if (status is null)
            return RuleResult.NotChecked(Id, "The target's status is not known.");
        return facts.TargetHasRunningJob == false
            ? RuleResult.Passed(Id, $"{who} is ACTIVE with no job running.")
            : RuleResult.Passed(Id, $"{who} is ACTIVE (its running jobs were not looked up).");
    }
}
