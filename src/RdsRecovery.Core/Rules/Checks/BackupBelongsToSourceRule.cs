namespace RdsRecovery.Rules.Checks;

internal sealed class BackupBelongsToSourceRule() : BackupRule(RdsRuleIds.BackupBelongsToSource)
{
    protected override RuleResult Judge(RestoreRequest request, RdsBackup backup)
    {
        if (!Describe.NotBlank(backup.InstanceId))
            return RuleResult.NotChecked(Id, $"The instance backup {request.BackupId} was taken of is not known.");
        return string.Equals(backup.InstanceId, request.SourceInstanceId, StringComparison.Ordinal)
            ? RuleResult.Passed(Id, $"Backup {request.BackupId} was taken of source {request.SourceInstanceId}.")
            : RuleResult.Failed(Id, $"Backup {request.BackupId} was taken of instance {backup.InstanceId}, not of source {request.SourceInstanceId}. Give {backup.InstanceId} as the source, or pick a backup of {request.SourceInstanceId}.");
    }
}
