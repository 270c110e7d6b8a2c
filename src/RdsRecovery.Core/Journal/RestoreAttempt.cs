namespace RdsRecovery.Journal;

/// <summary>
/// The lines of one restore attempt taken together. An attempt is unresolved when the journal cannot say whether the
/// service took it: its last line is OutcomeUnknown, or Sending with nothing after it (the process was killed, or its
/// outcome could not be written), and nobody has acknowledged it or tied it to a job.
/// </summary>
public sealed class RestoreAttempt
{
    /// <summary>Longest a live process may still be sending (request timeout and retry budget, with room to spare).</summary>
    public static readonly TimeSpan LongestSend = TimeSpan.FromMinutes(5);

    private RestoreAttempt(IReadOnlyList<RestoreJournalEntry> lines) => Lines = lines;

    /// <summary>Its lines, oldest first.</summary>
    public IReadOnlyList<RestoreJournalEntry> Lines { get; }
    public RestoreJournalEntry First => Lines[0];
    public RestoreJournalEntry Last => Lines[Lines.Count - 1];
    public string AttemptId => First.AttemptId;
    public string TargetInstanceId => First.TargetInstanceId;
    /// <summary>When it was (about to be) sent: its first restore line (a safety backup step comes before it).</summary>
    public DateTimeOffset SentAt => (RestoreLines.FirstOrDefault() ?? First).Time;

    /// <summary>The restore's own lines, without those of a safety backup taken first.</summary>
    public IEnumerable<RestoreJournalEntry> RestoreLines => Lines.Where(l => !l.IsSafetyBackupStep);

    /// <summary>The line that says how it ended, or null while only Sending is known.</summary>
    public RestoreJournalEntry? Outcome => RestoreLines.LastOrDefault(l => l.Phase != RestoreJournalPhase.Sending);

    /// <summary>The safety backup taken (or being taken) before the restore, if any.</summary>
    public string? SafetyBackupId => Lines.LastOrDefault(l => l.SafetyBackupId is not null)?.SafetyBackupId;

    /// <summary>
    /// True when a safety backup step began and no restore line followed, and the process that took it is gone: the
    /// restore was never sent (the backup failed, timed out, or the process ended between backup and restore).
    /// </summary>
    public bool EndedBeforeRestore(Func<RestoreJournalEntry, bool> senderAlive) =>
        Lines.Any(l => l.IsSafetyBackupStep) && !RestoreLines.Any()
            && (Last.Phase == RestoreJournalPhase.SafetyBackupFailed || !senderAlive(First));

    /// <summary>What an attempt that ended before its restore means, for a warning.</summary>
    public string DescribeEndedBeforeRestore()
    {
        var backup = SafetyBackupId is { } id ? $"safety backup {id}" : "a safety backup (no id was recorded: it may not exist)";
        var why = Last.Phase == RestoreJournalPhase.SafetyBackupFailed
            ? $"the backup step failed ({Last.Detail})"
            : $"process {First.ProcessId} on {First.Machine} ended after the last backup step ({Last.Phase})";
        return $"A restore into {TargetInstanceId} begun at {First.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC with -BackupTargetFirst was NOT sent: {why}. "
            + $"It left {backup} of {TargetInstanceId}, kept and billed until removed (Get-RdsBackup -InstanceId {TargetInstanceId} -Type manual; Remove-RdsBackup). "
            + $"The target was not restored; run the restore again if it is still wanted. Acknowledge this with 'Get-RdsRestoreJob -Recent -Acknowledge {AttemptId}'.";
    }

    /// <summary>True when the journal cannot say whether the service took it, and no one acknowledged it.</summary>
    public bool IsUnresolved(DateTimeOffset now, Func<RestoreJournalEntry, bool> senderAlive)
    {
        // Only a safety backup step: no restore was sent (EndedBeforeRestore tells that case).
        if (!RestoreLines.Any()) return false;
        var outcome = Outcome;
        if (outcome is not null) return outcome.Phase == RestoreJournalPhase.OutcomeUnknown;
        // Only Sending: still being sent by a live process, or interrupted.
        var sending = RestoreLines.First();
        return now - SentAt > LongestSend || !senderAlive(sending);
    }

    /// <summary>What an unresolved attempt means and what to check, for a warning.</summary>
    public string Describe()
    {
        var how = Outcome is RestoreJournalEntry o
            ? $"got no clear answer ({o.Detail})"
            : $"was being sent by process {First.ProcessId} on {First.Machine} and nothing was recorded after it (the process ended or was killed while sending)";
        return $"A restore into {TargetInstanceId} sent at {SentAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC {how}; it may have been accepted and may be running. "
            + $"Check 'Get-RdsInstance -InstanceId {TargetInstanceId}' (RESTORING while a restore runs) and the console's task center for a restore job "
            + $"created then. If you find the job, 'Get-RdsRestoreJob -JobId <id>' ties it to this entry; if there is none, acknowledge it with "
            + $"'Get-RdsRestoreJob -Recent -Acknowledge {AttemptId}'.";
    }

    /// <summary>Groups lines (any order) into attempts, newest attempt first.</summary>
    public static IReadOnlyList<RestoreAttempt> Group(IEnumerable<RestoreJournalEntry> entries) =>
        entries.GroupBy(e => e.AttemptId, StringComparer.Ordinal)
            .Select(g => new RestoreAttempt(g.OrderBy(e => e.Time).ThenBy(Order).ToList()))
            .OrderByDescending(a => a.SentAt)
            .ToList();

    // Lines stamped in the same tick keep the order they are written in: backup step, Sending, then outcomes.
    private static int Order(RestoreJournalEntry e) => e.IsSafetyBackupStep ? (int)e.Phase - (int)RestoreJournalPhase.SafetyBackupSending - 10
        : e.Phase == RestoreJournalPhase.Sending ? 0 : 1;

    /// <summary>Whether the process that wrote a Sending line may still be sending: on another machine it cannot be known (assumed so).</summary>
    public static bool SenderMayBeAlive(RestoreJournalEntry sending)
    {
        if (!string.Equals(sending.Machine, Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(sending.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
