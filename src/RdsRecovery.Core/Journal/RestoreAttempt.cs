using System;
using System.Collections.Generic;
using System.Linq;

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
    /// <summary>When it was (about to be) sent.</summary>
    public DateTimeOffset SentAt => First.Time;

    /// <summary>The line that says how it ended, or null while only Sending is known.</summary>
    public RestoreJournalEntry? Outcome => Lines.LastOrDefault(l => l.Phase != RestoreJournalPhase.Sending);

    /// <summary>True when the journal cannot say whether the service took it, and no one acknowledged it.</summary>
    public bool IsUnresolved(DateTimeOffset now, Func<RestoreJournalEntry, bool> senderAlive)
    {
        var outcome = Outcome;
        if (outcome is not null) return outcome.Phase == RestoreJournalPhase.OutcomeUnknown;
        // Only Sending: still being sent by a live process, or interrupted.
        return now - SentAt > LongestSend || !senderAlive(First);
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
            .Select(g => new RestoreAttempt(g.OrderBy(e => e.Time).ThenBy(e => e.Phase == RestoreJournalPhase.Sending ? 0 : 1).ToList()))
            .OrderByDescending(a => a.SentAt)
            .ToList();

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
