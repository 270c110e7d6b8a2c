namespace RdsRecovery.PowerShell.Completion;

/// <summary>
/// Completes backup ids of the source instance already typed on the line (-SourceInstanceId or -InstanceId):
/// COMPLETED backups first, newest first, then the others marked with their status (they cannot be restored).
/// </summary>
public sealed class BackupIdCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters)
    {
        var instanceId = (fakeBoundParameters["SourceInstanceId"] ?? fakeBoundParameters["InstanceId"]) as string;
        if (string.IsNullOrWhiteSpace(instanceId)) return Array.Empty<CompletionResult>();
        return CompletionCache.Backups(instanceId!)
            .Where(b => Matches(b.Id, word) || Matches(b.Name, word))
            .OrderBy(b => IsCompleted(b) ? 0 : 1)
            .ThenByDescending(b => b.EndTime ?? b.BeginTime ?? DateTimeOffset.MinValue)
            .Select(b => new CompletionResult(b.Id,
                IsCompleted(b) ? $"{b.Name} ({b.Id})" : $"{b.Name} ({b.Id}) [{b.Status}]",
                CompletionResultType.ParameterValue,
                $"{b.Name}: {b.Type} {b.Status}, ended {(b.EndTime is null ? "-" : b.EndTime.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z")}" +
                (IsCompleted(b) ? "" : " (only a COMPLETED backup can be restored)")));
    }

    private static bool IsCompleted(RdsBackup backup) => string.Equals(backup.Status, "COMPLETED", StringComparison.OrdinalIgnoreCase);
}
