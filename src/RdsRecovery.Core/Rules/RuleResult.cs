namespace RdsRecovery.Rules;

/// <summary>One rule's verdict on one restore: its id, the outcome, and a message a person can act on.</summary>
public sealed class RuleResult
{
    public RuleResult(string ruleId, RuleOutcome outcome, string message)
    {
        RuleId = ruleId;
        Outcome = outcome;
        Message = message;
    }

    public string RuleId { get; }
    public RuleOutcome Outcome { get; }
    public string Message { get; }

    public static RuleResult Passed(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.Passed, message);
    public static RuleResult Failed(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.Failed, message);
    public static RuleResult NotChecked(string ruleId, string message) => new RuleResult(ruleId, RuleOutcome.NotChecked, message);

    public override string ToString() => $"{RuleId}: {Outcome}: {Message}";
}
