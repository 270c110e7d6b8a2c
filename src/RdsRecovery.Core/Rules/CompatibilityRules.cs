using RdsRecovery.Rules.Checks;

namespace RdsRecovery.Rules;

/// <summary>
/// The compatibility rules of a restore, evaluated from facts. Input validation is not here: a
/// <see cref="RestoreRequest"/> is valid by construction. These rules are what -SkipCompatibilityCheck skips.
/// </summary>
// Deliberate twin of the emulator's Rules/RestoreValidator.cs, never shared; in step by tests/Pester/EndToEnd.Compatibility.Tests.ps1 (each rule refused by both) and EndToEnd.Sweep.Tests.ps1 (every seeded pair, both profiles).
public static class CompatibilityRules
{
    // Same order as RdsRuleIds.All (a test holds the two together).
    private static readonly IReadOnlyList<ICompatibilityRule> Rules = new ICompatibilityRule[]
    {
        new KnownEngineRule(),
        new SameEngineRule(),
        new SameVersionRule(),
        new SqlServerVersionAllowedRule(),
        new TargetVolumeLargeEnoughRule(),
        new SameRegionRule(),
        new SameTimeZoneRule(),
        new SourceAsTargetAllowedRule(),
        new TargetNotInDisasterRecoveryRule(),
        new DatabaseMapOnlyForSqlServerRule(),
        new DatabaseNameAllowedRule(),
        new DatabaseNameNotInUseRule(),
        new DatabaseToRestoreExistsRule(),
        new BackupCompletedRule(),
        new BackupBelongsToSourceRule(),
        new RestoreTimeInWindowRule(),
        new TargetNotBusyRule(),
    };

    internal static IReadOnlyList<string> EvaluatedIds => Rules.Select(r => r.Id).ToList();

    /// <summary>
    /// Evaluates every rule under the facts' profile (<see cref="RestoreFacts.Profile"/>, Seed by default). Never throws
    /// for missing facts; a rule that lacks them reports NotChecked.
    /// </summary>
    public static CompatibilityReport Evaluate(RestoreRequest request, RestoreFacts? facts = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        facts ??= RestoreFacts.None;
        var results = Rules.Select(rule => rule.Evaluate(request, facts)).ToList();
        return new CompatibilityReport(request, facts.Source, facts.Target, results, facts.Clock.UtcNow)
        {
            RuleProfile = facts.Profile.Name,
            ApiVersion = Api.RdsApiVersions.Name(facts.ApiVersion ?? facts.Profile.ApiVersion),
        };
    }
}
