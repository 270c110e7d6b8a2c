namespace RdsRecovery.Rules.Checks;

internal sealed class BackupCompletedRule() : BackupRule(RdsRuleIds.BackupCompleted)
{
    protected override RuleResult Judge(RestoreRequest request, RdsBackup backup)
    {
        if (!Describe.NotBlank(backup.Status))
            return RuleResult.NotChecked(Id, $"The status of backup {request.BackupId} is not known.");
        return string.Equals(backup.Status.Trim(), "COMPLETED", StringComparison.OrdinalIgnoreCase)
            ? RuleResult.Passed(Id, $"Backup {request.BackupId} is COMPLETED.")
            : RuleResult.Failed(Id, $"Backup {request.BackupId} is {backup.Status}; only a COMPLETED backup can be restored. Wait for it to complete or pick another backup.");
    }
}
