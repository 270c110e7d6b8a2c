using RdsRecovery.Rules.Checks;

namespace RdsRecovery.Rules.Partial;

/// <summary>RestoreCountWithinLimit: at most database_limit databases or table_limit tables per restore (from the history listing).</summary>
internal sealed class RestoreCountWithinLimitRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.RestoreCountWithinLimit;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var tables = request.Kind == RestoreKind.Table;
        var limit = tables ? facts.HistoryTables?.TableLimit ?? facts.HistoryDatabases?.TableLimit : facts.HistoryDatabases?.DatabaseLimit;
        var noun = tables ? "tables" : "databases";
        if (limit is not int max) return RuleResult.NotChecked(Id, $"The service's limit on {noun} per restore is not known.");
        var count = request.Renames.Count;
        return count <= max
            ? RuleResult.Passed(Id, $"{count} {noun} (the service allows {max} per restore).")
            : RuleResult.Failed(Id, $"{count} {noun} are named, but the service allows at most {max} per restore. Split them into several restores.");
    }
}

/// <summary>TargetNotBusy: the instance is ACTIVE and runs no restore this machine sent.</summary>
internal sealed class InstanceNotBusyRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.TargetNotBusy;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var instance = facts.Instance;
        if (instance is null || string.IsNullOrWhiteSpace(instance.Status)) return RuleResult.NotChecked(Id, $"The status of instance {request.InstanceId} is not known.");
        var who = Describe.Instance("Instance", instance);
        var status = instance.Status.Trim();
        if (!string.Equals(status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{who} is {status}; a restore needs it ACTIVE. Wait until Get-RdsInstance shows it ACTIVE (Get-RdsRestoreJob -Recent shows the restores this machine sent), then run it again.");
        if (facts.TargetHasRunningJob == true)
            return RuleResult.Failed(Id, $"{who} has a restore from this machine still running. Wait for it (Get-RdsRestoreJob -Recent | Wait-RdsRestoreJob), then run this one.");
        return RuleResult.Passed(Id, $"{who} is ACTIVE{(facts.TargetHasRunningJob == false ? " with no job running" : "")}.");
    }
}

/// <summary>
/// RoomForRestoredData: the restored copies are written next to the live data, and a full disk stops production
/// writes. The service reports no database or table sizes, so this is a warning with the instance's volume size,
/// never a silent pass.
/// </summary>
internal sealed class RoomForRestoredDataRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.RoomForRestoredData;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var noun = request.Kind == RestoreKind.Table ? "tables" : "databases";
        var volume = facts.Instance is { VolumeSizeGB: > 0 } i ? $" (its volume is {i.VolumeSizeGB} GB)" : "";
        return RuleResult.Unverified(Id, $"The restored {noun} are written next to the live data on instance {request.InstanceId}{volume}, "
            + "and the service reports neither their size nor the free space: make sure they fit, since a full disk stops production writes.");
    }
}
