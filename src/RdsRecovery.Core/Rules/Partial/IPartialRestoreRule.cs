namespace RdsRecovery.Rules;

/// <summary>One named rule of a database or table restore. Rules never throw for missing facts: they report NotChecked.</summary>
internal interface IPartialRestoreRule
{
    string Id { get; }
    RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts);
}
