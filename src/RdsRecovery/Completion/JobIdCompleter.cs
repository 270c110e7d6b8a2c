using RdsRecovery.Journal;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>
/// Completes restore job ids from the local journal (so a new session, or one after a crash, still finds them)
/// and this session's own jobs, newest first, with target and time as tooltip. Makes no request.
/// </summary>
public sealed class JobIdCompleter : SafeCompleter
{
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<CompletionResult>();
        foreach (var id in RdsSession.SubmittedJobIds)
            if (Matches(id, word) && seen.Add(id))
                results.Add(new CompletionResult(id, id, CompletionResultType.ParameterValue, "restore job submitted in this session"));
        foreach (var entry in JournalJobs())
            if (Matches(entry.JobId, word) && seen.Add(entry.JobId!))
                results.Add(new CompletionResult(entry.JobId!, entry.JobId!, CompletionResultType.ParameterValue,
                    $"restore into {entry.TargetInstanceId}, sent {entry.Time.UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        return results;
    }

    /// <summary>Submitted jobs of the last days, newest first; an unreadable journal offers none.</summary>
    private static IEnumerable<RestoreJournalEntry> JournalJobs()
    {
        try
        {
            return RestoreJournal.Default().Read(DateTimeOffset.UtcNow - Lookback)
                .Where(e => e.Phase == RestoreJournalPhase.Submitted && !string.IsNullOrEmpty(e.JobId))
                .OrderByDescending(e => e.Time)
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<RestoreJournalEntry>();
        }
    }
}
