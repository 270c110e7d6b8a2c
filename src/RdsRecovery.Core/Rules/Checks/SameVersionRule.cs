using System;
using RdsRecovery.Model;

namespace RdsRecovery.Rules.Checks;

/// <summary>MySQL and PostgreSQL (and any other non-SQL Server engine): datastore.version must match.</summary>
internal sealed class SameVersionRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.SameVersion;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var (source, target) = (facts.Source, facts.Target);
        if (source is null || target is null || !Describe.Known(source.Engine) || !Describe.Known(target.Engine))
            return RuleResult.NotChecked(Id, "The engines and versions of both instances are needed to compare versions.");
        var s = RdsEngines.Parse(source.Engine);
        var t = RdsEngines.Parse(target.Engine);
        if (s == RdsEngine.SqlServer || t == RdsEngine.SqlServer)
            return RuleResult.NotChecked(Id, $"Does not apply to SQL Server: {RdsRuleIds.SqlServerVersionAllowed} checks its versions.");
        if (s != t)
            return RuleResult.NotChecked(Id, $"The engines differ ({RdsRuleIds.SameEngine}), so their versions are not compared.");
        if (!Describe.Known(source.EngineVersion) || !Describe.Known(target.EngineVersion))
            return RuleResult.NotChecked(Id, "The version of " + (Describe.Known(source.EngineVersion) ? "the target" : "the source") + " is not known.");
        var engine = Describe.Engine(source);
        return string.Equals(source.EngineVersion.Trim(), target.EngineVersion.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RuleResult.Passed(Id, $"Both run {engine} {source.EngineVersion.Trim()}.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs {engine} {source.EngineVersion.Trim()} but {Describe.Instance("target", target)} runs {target.EngineVersion.Trim()}. {engine} restores need the same version: pick a target on {source.EngineVersion.Trim()}.");
    }
}
