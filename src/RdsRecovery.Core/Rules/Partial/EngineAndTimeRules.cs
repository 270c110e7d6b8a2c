using RdsRecovery.Rules.Checks;

namespace RdsRecovery.Rules.Partial;

internal sealed class EngineSupportsPartialRestoreRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.EngineSupportsPartialRestore;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var what = request.Kind == RestoreKind.Table ? "table" : "database";
        var engine = facts.Instance is { } i ? RdsEngines.Parse(i.Engine) : request.Engine;
        if (engine == RdsEngine.Unknown && facts.Instance is null)
            return RuleResult.Unverified(Id, $"The engine of instance {request.InstanceId} is not known; the service offers {what} restores for MySQL and PostgreSQL only.");
        var who = facts.Instance is { } instance ? Describe.Instance("Instance", instance) : $"Instance {request.InstanceId}";
        return engine is RdsEngine.MySql or RdsEngine.PostgreSql
            ? RuleResult.Passed(Id, $"{who} runs {RdsEngines.DisplayName(engine)}, which offers {what}-level point-in-time restores.")
            : RuleResult.Failed(Id, $"{who} runs {(facts.Instance is { } x ? Describe.Engine(x) : RdsEngines.DisplayName(engine))}: the service offers {what}-level point-in-time restores for MySQL and PostgreSQL only. Restore the whole instance instead (Restore-RdsInstance).");
    }
}

internal sealed class PartialRestoreTimeInWindowRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.RestoreTimeInWindow;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts) =>
        RestoreTimeInWindowRule.Judge(facts.RestoreWindows, "instance", request.InstanceId, request.RestoreTime,
            " (are log backups on?).", " (Get-RdsRestoreWindow).");
}

internal sealed class FastRestoreSupportedRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.FastRestoreSupported;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        if (!request.FastRestore) return RuleResult.NotChecked(Id, "Fast restore was not asked for.");
        var engine = facts.Instance is { } i ? RdsEngines.Parse(i.Engine) : request.Engine;
        if (request.Kind == RestoreKind.Table && engine == RdsEngine.PostgreSql)
            return RuleResult.Failed(Id, "The PostgreSQL table restore has no fast restore (its request has no is_fast_restore). Leave -FastRestore out.");
        if (!facts.FastRestoreLookedUp)
            return RuleResult.Unverified(Id, $"Whether instance {request.InstanceId} supports fast restore was not looked up (ListInstancesSupportFastRestore).");
        var says = request.Kind == RestoreKind.Table ? facts.FastRestore?.Tables : facts.FastRestore?.Databases;
        var what = request.Kind == RestoreKind.Table ? "table" : "database";
        if (says == true) return RuleResult.Passed(Id, $"The service says instance {request.InstanceId} supports fast {what} restores at {RestoreTimeRules.Format(request.RestoreTime)}.");
        var why = facts.FastRestore is null ? "did not list the instance" : says == false ? "says no" : "did not say";
        return RuleResult.Failed(Id, $"Asked whether instance {request.InstanceId} supports fast {what} restores at {RestoreTimeRules.Format(request.RestoreTime)}, the service {why} " +
            "(fast restore is off by default and fails with XA transactions). Leave -FastRestore out.");
    }
}
