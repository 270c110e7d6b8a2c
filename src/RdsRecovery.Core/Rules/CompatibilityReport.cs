namespace RdsRecovery.Rules;

/// <summary>Every rule's verdict on one restore, with the request and the two instances it was judged on.</summary>
public sealed class CompatibilityReport
{
    public CompatibilityReport(IRestoreOperation request, RdsInstance? source, RdsInstance? target, IReadOnlyList<RuleResult> rules, DateTimeOffset checkedAt)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Source = source;
        Target = target;
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        CheckedAt = checkedAt;
    }

    /// <summary>True when no rule failed. Rules that could not be checked do not make a restore incompatible.</summary>
    public bool IsCompatible => Rules.All(r => r.Outcome != RuleOutcome.Failed);
    /// <summary>The restore judged: a <see cref="RestoreRequest"/> (an instance) or a <see cref="PartialRestoreRequest"/> (databases or tables).</summary>
    public IRestoreOperation Request { get; }
    public RdsInstance? Source { get; }
    public RdsInstance? Target { get; }
    public IReadOnlyList<RuleResult> Rules { get; }
    /// <summary>The rule profile the rules were evaluated under.</summary>
    public RdsRuleProfile RuleProfile { get; init; } = RdsRuleProfile.Seed;
    /// <summary>The API version ("v3" or "v3.1") of the connection the facts came from, or of the profile when checked offline.</summary>
    public string ApiVersion { get; init; } = Api.RdsApiVersions.V3;
    /// <summary>When the rules were evaluated (UTC), by the clock of the facts.</summary>
    public DateTimeOffset CheckedAt { get; }

    public IReadOnlyList<RuleResult> FailedRules => Rules.Where(r => r.Outcome == RuleOutcome.Failed).ToList();
    public IReadOnlyList<RuleResult> NotCheckedRules => Rules.Where(r => r.Outcome == RuleOutcome.NotChecked).ToList();

    /// <summary>The result of one rule, or null if the report does not hold it.</summary>
    public RuleResult? this[string ruleId] => Rules.FirstOrDefault(r => string.Equals(r.RuleId, ruleId, StringComparison.Ordinal));

    /// <summary>
    /// Why a restore this report refuses was not sent: every failed rule with its message, and what to do (the
    /// RestoreIncompatible error's message). Null when the report is compatible. A method, not a property, so the
    /// report's views and exports do not grow a column.
    /// </summary>
    public string? RefusalMessage() => IsCompatible ? null
        : $"The restore {Request} was not sent: {FailedRules.Count} compatibility rule(s) of rule profile {RuleProfile} (API {ApiVersion}) failed: " +
          string.Join(" ", FailedRules.Select(r => $"[{r.RuleId}] {r.Message}")) + SkipAdvice.Closing(FailedRules);

    public override string ToString()
    {
        var passed = Rules.Count(r => r.Outcome == RuleOutcome.Passed);
        var failed = Rules.Count(r => r.Outcome == RuleOutcome.Failed);
        var notChecked = Rules.Count - passed - failed;
        var verdict = IsCompatible ? "compatible" : "NOT compatible (" + string.Join(", ", FailedRules.Select(r => r.RuleId)) + ")";
        return $"{Request}: {verdict} under rule profile {RuleProfile} (API {ApiVersion}); {passed} passed, {failed} failed, {notChecked} not checked";
    }
}
