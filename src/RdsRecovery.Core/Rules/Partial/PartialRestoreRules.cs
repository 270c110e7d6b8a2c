using RdsRecovery.Rules.Partial;

namespace RdsRecovery.Rules;

// Deliberate twin of the emulator's Rules/PartialRestoreRules.cs and ObjectNameRules.cs, never shared; in step by tests/Pester/EndToEnd.PartialRestore.Tests.ps1 and EndToEnd.PartialRestore.Tables.Tests.ps1 (each rule refused by both).

/// <summary>
/// The rules of a database or table restore (issue 14 point 4), evaluated from facts into the same
/// <see cref="CompatibilityReport"/> the instance restore uses. Input validation is not here: a
/// <see cref="PartialRestoreRequest"/> is valid by construction.
/// </summary>
public static class PartialRestoreRules
{
    private static readonly IReadOnlyList<IPartialRestoreRule> DatabaseRules = RulesFor(RestoreKind.Database);

    private static readonly IReadOnlyList<IPartialRestoreRule> TableRules = RulesFor(RestoreKind.Table);

    // A table restore has the rules of a database restore, plus TableToRestoreExists, with the name rules under the table ids.
    private static IReadOnlyList<IPartialRestoreRule> RulesFor(RestoreKind kind)
    {
        var tables = kind == RestoreKind.Table;
        var rules = new List<IPartialRestoreRule> { new EngineSupportsPartialRestoreRule(), new PartialRestoreTimeInWindowRule(), new DatabasesExistedRule() };
        if (tables) rules.Add(new TablesExistedRule());
        rules.Add(new NewNamesAllowedRule(tables ? RdsRuleIds.TableNameAllowed : RdsRuleIds.DatabaseNameAllowed));
        rules.Add(new NewNamesNotInUseRule(tables ? RdsRuleIds.TableNameNotInUse : RdsRuleIds.DatabaseNameNotInUse));
        rules.AddRange(new IPartialRestoreRule[] { new RestoreCountWithinLimitRule(), new InstanceNotBusyRule(), new RoomForRestoredDataRule(), new FastRestoreSupportedRule() });
        return rules;
    }

    /// <summary>The rule ids of a database restore, in the order they are evaluated.</summary>
    public static IReadOnlyList<string> DatabaseRuleIds => DatabaseRules.Select(r => r.Id).ToList();

    /// <summary>The rule ids of a table restore, in the order they are evaluated.</summary>
    public static IReadOnlyList<string> TableRuleIds => TableRules.Select(r => r.Id).ToList();

    public static CompatibilityReport Evaluate(PartialRestoreRequest request, PartialRestoreFacts? facts = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        facts ??= PartialRestoreFacts.None;
        var rules = request.Kind == RestoreKind.Table ? TableRules : DatabaseRules;
        var results = rules.Select(rule => rule.Evaluate(request, facts)).ToList();
        return new CompatibilityReport(request, facts.Instance, facts.Instance, results, facts.Clock.UtcNow)
        {
            RuleProfile = facts.Profile.Name,
            ApiVersion = Api.RdsApiVersions.Name(facts.ApiVersion ?? facts.Profile.ApiVersion),
        };
    }
}
