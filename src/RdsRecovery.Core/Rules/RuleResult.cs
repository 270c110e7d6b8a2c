namespace RdsRecovery.Rules;

/// <summary>One rule's verdict on one restore: its id, the outcome, and a message a person can act on.</summary>
public sealed class RuleResult(string ruleId, RuleOutcome outcome, string message, bool needsAttention = false)
{
    public string RuleId { get; } = ruleId;
    public RuleOutcome Outcome { get; } = outcome;
    public string Message { get; } = message;
    /// <summary>
    /// A NotChecked a person should read before restoring (the rule applied but its facts were not known), as
    /// opposed to one that does not apply; cmdlets write it as a warning.
    /// </summary>
    public bool NeedsAttention { get; } = needsAttention;

    public static RuleResult Passed(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.Passed, message);
    public static RuleResult Failed(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.Failed, message);
    public static RuleResult NotChecked(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.NotChecked, message);
    /// <summary>NotChecked, and worth a warning: the rule applies, but the facts it needs are not known.</summary>
    public static RuleResult Unverified(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.NotChecked, message, needsAttention: true);

    public override string ToString() => $"{RuleId}: {Outcome}: {Message}";
}
