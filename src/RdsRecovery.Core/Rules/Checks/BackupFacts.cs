namespace RdsRecovery.Rules.Checks;

/// <summary>The shared gate of the backup rules: a backup restore, and facts about that very backup.</summary>
internal static class BackupFacts
{
    public static RuleResult? Unusable(string ruleId, RestoreRequest request, RestoreFacts facts)
    {
        if (request.Mode != RestoreMode.Backup)
            return RuleResult.NotChecked(ruleId, "Applies to restores from a backup only.");
        if (facts.Backup is null)
            return RuleResult.NotChecked(ruleId, $"Backup {request.BackupId} was not looked up.");
        if (Describe.NotBlank(facts.Backup.Id) && !string.Equals(facts.Backup.Id, request.BackupId, StringComparison.Ordinal))
            return RuleResult.NotChecked(ruleId, $"The facts describe backup {facts.Backup.Id}, not {request.BackupId}.");
        return null;
    }
}
