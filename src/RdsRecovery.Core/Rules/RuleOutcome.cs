namespace RdsRecovery.Rules;

/// <summary>What a rule found. A rule without the facts it needs (or that does not apply) is NotChecked, never Failed.</summary>
public enum RuleOutcome
{
    Passed,
    Failed,
    NotChecked,
}
