namespace RdsRecovery.Rules.Checks;

/// <summary>
/// MySQL and PostgreSQL (and any other non-SQL Server engine): datastore.version must match. Under a profile that
/// compares MySQL minor versions (V31), datastore.complete_version decides too: 5.6/5.7 may go to an equal or higher
/// minor version, other versions (8.0) need the same one.
/// </summary>
internal sealed class SameVersionRule()
    : InstancePairRule(RdsRuleIds.SameVersion, "The engines and versions of both instances are needed to compare versions.")
{
    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts)
    {
        var s = RdsEngines.Parse(source.Engine);
        var t = RdsEngines.Parse(target.Engine);
        if (s == RdsEngine.SqlServer || t == RdsEngine.SqlServer)
            return RuleResult.NotChecked(Id, $"Does not apply to SQL Server: {RdsRuleIds.SqlServerVersionAllowed} checks its versions.");
        if (s != t)
            return RuleResult.NotChecked(Id, $"The engines differ ({RdsRuleIds.SameEngine}), so their versions are not compared.");
        if (Unstated("version", source.EngineVersion, target.EngineVersion) is { } unknown)
            return unknown;
        var engine = Describe.Engine(source);
        if (!string.Equals(source.EngineVersion.Trim(), target.EngineVersion.Trim(), StringComparison.OrdinalIgnoreCase))
            return RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs {engine} {source.EngineVersion.Trim()} but {Describe.Instance("target", target)} runs {target.EngineVersion.Trim()}. {engine} restores need the same version: pick a target on {source.EngineVersion.Trim()}.");
        if (s != RdsEngine.MySql || !facts.Profile.MySqlComparesMinorVersion)
            return RuleResult.Passed(Id, $"Both run {engine} {source.EngineVersion.Trim()}.");
        return MinorVersions(source, target, facts.Profile);
    }

    private RuleResult MinorVersions(RdsInstance source, RdsInstance target, RestoreRuleProfile profile)
    {
        var version = source.EngineVersion.Trim();
        if (Minor(source.CompleteVersion) is not { } from || Minor(target.CompleteVersion) is not { } to)
            return RuleResult.NotChecked(Id, $"Both run MySQL {version}; the minor version (complete_version) of " +
                (Minor(source.CompleteVersion) is null ? "the source" : "the target") + " is not known, so it was not compared.");
        var upgrade = profile.MySqlMinorUpgradeVersions.Contains(version, StringComparer.OrdinalIgnoreCase);
        var allowed = upgrade ? to >= from : to == from;
        var rule = upgrade ? "an equal or higher minor version" : "the same minor version";
        return allowed
            ? RuleResult.Passed(Id, $"MySQL {source.CompleteVersion} may go to {target.CompleteVersion}: MySQL {version} needs {rule} (profile {profile.Label}).")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs MySQL {source.CompleteVersion} but {Describe.Instance("target", target)} runs {target.CompleteVersion}; " +
                $"under profile {profile.Label} MySQL {version} needs {rule}. Pick a target on {(upgrade ? "at least " : "")}{source.CompleteVersion}.");
    }

    // The minor kernel version: the third number of 5.7.38 (trailing text such as "-log" ignored).
    private static int? Minor(string? completeVersion)
    {
        if (string.IsNullOrWhiteSpace(completeVersion)) return null;
        var parts = completeVersion!.Trim().Split('.');
        if (parts.Length < 3) return null;
        var digits = new string(parts[2].TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }
}
