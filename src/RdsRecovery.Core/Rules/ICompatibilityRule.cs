namespace RdsRecovery.Rules;

/// <summary>One named compatibility rule. Rules never throw for missing facts: they report NotChecked.</summary>
/// <remarks>
/// Rules with the same first checks share them through a base in Checks/: <see cref="Checks.InstancePairRule"/>
/// (source against target), <see cref="Checks.BackupRule"/> (the backup restored), <see cref="Checks.DatabaseMapRule"/>
/// (the SQL Server database map).
/// </remarks>
internal interface ICompatibilityRule
{
    string Id { get; }
    RuleResult Evaluate(RestoreRequest request, RestoreFacts facts);
}
