namespace RdsRecovery.Rules.Checks;

/// <summary>SQL Server: the profile's version table decides which editions a version may go to.</summary>
internal sealed class SqlServerVersionAllowedRule()
    : InstancePairRule(RdsRuleIds.SqlServerVersionAllowed, "The engines and versions of both instances are needed.", RdsEngine.SqlServer)
{
    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts)
    {
        if (Unstated("version", source.EngineVersion, target.EngineVersion) is { } unknown)
            return unknown;

        var profile = facts.Profile;
        var table = profile.SqlServerTable;
        var known = string.Join(", ", table.KnownSources.Select(v => v.Key));
        if (!SqlServerVersion.TryParse(source.EngineVersion, out var from) || table.AllowedTargets(from) is not { } allowed)
        {
            var unlisted = $"The SQL Server version '{source.EngineVersion}' of {Describe.Instance("source", source)} is not in the version table of profile {profile.Label}";
            return profile.UnlistedSqlServerSourceFails
                ? RuleResult.Failed(Id, $"{unlisted}, so no target can be allowed. The table knows: {known}.")
                : RuleResult.NotChecked(Id, $"{unlisted}: no confirmed document row names it, so the service decides. The table knows: {known}.");
        }

        var allowedList = string.Join(", ", allowed.Select(v => v.Key));
        if (!SqlServerVersion.TryParse(target.EngineVersion, out var to))
            return RuleResult.Failed(Id, $"The SQL Server version '{target.EngineVersion}' of {Describe.Instance("target", target)} is not one the table can read; {from.Key} may be restored to: {allowedList}.");
        // The seed's table has one document; the V31 table names each row's cloud and document.
        var underProfile = profile.Name == RdsRuleProfile.Seed ? "" : $" (profile {profile.Label})";
        return table.RowAllowing(from, to) is { } row
            ? RuleResult.Passed(Id, $"{from.Key} may be restored to {to.Key}." + (profile.Name == RdsRuleProfile.Seed ? "" : $" (profile {profile.Label}: {row.Origin})"))
            : RuleResult.Failed(Id, $"{from.Key} cannot be restored to {to.Key}; allowed targets: {allowedList}.{underProfile}");
    }
}
