namespace RdsRecovery.Rules.Checks;

/// <summary>
/// The skeleton of the backup rules: NotChecked unless the restore is from a backup and the facts describe that very
/// backup; then <see cref="Judge"/> decides.
/// </summary>
internal abstract class BackupRule(string id) : ICompatibilityRule
{
    public string Id { get; } = id;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        if (request.Mode != RestoreMode.Backup)
            return RuleResult.NotChecked(Id, "Applies to restores from a backup only.");
        if (facts.Backup is not { } backup)
            return RuleResult.NotChecked(Id, $"Backup {request.BackupId} was not looked up.");
        if (Describe.NotBlank(backup.Id) && !string.Equals(backup.Id, request.BackupId, StringComparison.Ordinal))
            return RuleResult.NotChecked(Id, $"The facts describe backup {backup.Id}, not {request.BackupId}.");
        return Judge(request, backup);
    }

    protected abstract RuleResult Judge(RestoreRequest request, RdsBackup backup);
}
