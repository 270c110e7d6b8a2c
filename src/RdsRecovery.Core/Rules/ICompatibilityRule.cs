namespace RdsRecovery.Rules;

/// <summary>One named compatibility rule. Rules never throw for missing facts: they report NotChecked.</summary>
internal interface ICompatibilityRule
{
    string Id { get; }
    RuleResult Evaluate(RestoreRequest request, RestoreFacts facts);
}
