namespace RdsRecovery.Journal;

/// <summary>
/// The local journal as one connection sees it. One journal holds the restores of every cloud and project this user
/// worked with; an entry is this connection's when its endpoint (compared by <see cref="JournalEndpoint"/>) and its
/// project id are the connection's. Get-RdsRestoreJob -Recent lists, ties and acknowledges through this view only.
/// </summary>
public sealed class ConnectionJournal
{
    /// <summary>A job the service shows for a target is tied to an unresolved send into it when created this close before it.</summary>
    public static readonly TimeSpan TieBefore = TimeSpan.FromMinutes(1);

    private readonly string _endpoint;
    private readonly string _projectId;
    private readonly Func<RestoreJournalEntry, bool> _senderMayBeAlive;

    public ConnectionJournal(RestoreJournal journal, RdsConnection connection, Func<RestoreJournalEntry, bool>? senderMayBeAlive = null)
    {
        Journal = journal ?? throw new ArgumentNullException(nameof(journal));
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        _endpoint = connection.Endpoint.ToString();
        _projectId = connection.ProjectId;
        _senderMayBeAlive = senderMayBeAlive ?? RestoreAttempt.SenderMayBeAlive;
    }

    public RestoreJournal Journal { get; }

    /// <summary>True when the entry was written through a connection to the same endpoint and project.</summary>
    public bool Holds(RestoreJournalEntry entry) =>
        JournalEndpoint.Same(entry.Endpoint, _endpoint) && string.Equals(entry.ProjectId, _projectId, StringComparison.Ordinal);

    /// <summary>This connection's attempts sent from <paramref name="since"/> on (into one target when given), newest first.</summary>
    public IReadOnlyList<RestoreAttempt> Attempts(DateTimeOffset since, string? targetInstanceId = null) =>
        RestoreAttempt.Group(Journal.NewestFirst(since).Where(e => Holds(e)
            && (targetInstanceId is null || string.Equals(e.TargetInstanceId, targetInstanceId, StringComparison.Ordinal))));

    /// <summary>True when the journal cannot say whether the service took the attempt and no one acknowledged it.</summary>
    public bool IsUnresolved(RestoreAttempt attempt, DateTimeOffset now) => attempt.IsUnresolved(now, _senderMayBeAlive);

    /// <summary>True when a -BackupTargetFirst attempt stopped at its backup step: no restore was sent (see <see cref="RestoreAttempt.EndedBeforeRestore"/>).</summary>
    public bool EndedBeforeRestore(RestoreAttempt attempt) => attempt.EndedBeforeRestore(_senderMayBeAlive);

    /// <summary>
    /// The unresolved send a job the service shows must be: one into the job's target whose outcome is unknown, sent
    /// from <see cref="TieBefore"/> after to <see cref="RestoreAttempt.LongestSend"/> before the job was created (the
    /// closest in time); null when there is none, or the job says too little (no target or creation time) to tell.
    /// </summary>
    public RestoreAttempt? UnresolvedSendOf(RdsRestoreJob job, DateTimeOffset now)
    {
        if (job is null) throw new ArgumentNullException(nameof(job));
        if (string.IsNullOrEmpty(job.TargetInstanceId) || job.Created is not DateTimeOffset created) return null;
        return Attempts(created - RestoreAttempt.LongestSend - TieBefore, job.TargetInstanceId)
            .Where(a => IsUnresolved(a, now) && created >= a.SentAt - TieBefore && created <= a.SentAt + RestoreAttempt.LongestSend)
            .OrderBy(a => (created - a.SentAt).Duration())
            .FirstOrDefault();
    }

    /// <summary>
    /// Records that <paramref name="job"/> is the outcome of <paramref name="attempt"/> (so -Recent lists the job
    /// instead of warning) and fills in what the journal knows and the job does not: submission time, source, backup, time,
    /// and the safety backup taken first (-BackupTargetFirst).
    /// </summary>
    public void Tie(RestoreAttempt attempt, RdsRestoreJob job, DateTimeOffset now, string by)
    {
        if (attempt is null) throw new ArgumentNullException(nameof(attempt));
        if (job is null) throw new ArgumentNullException(nameof(job));
        // Built from the restore's own Sending line, not the attempt's first: with -BackupTargetFirst that is the backup
        // step's, which has the backup's body, no rule profile and no safety backup id (Undo-RdsRestore reads it here).
        var sent = attempt.RestoreLines.FirstOrDefault() ?? attempt.First;
        var tied = sent.FollowUp(RestoreJournalPhase.Submitted, now, job.JobId,
            $"tied by {by}: the service shows job {job.JobId} for this target, created {job.Created?.UtcDateTime:u}");
        tied.SafetyBackupId = attempt.SafetyBackupId;
        Journal.Append(tied);
        job.SubmittedAt = attempt.SentAt;
        if (string.IsNullOrEmpty(job.SourceInstanceId)) job.SourceInstanceId = sent.SourceInstanceId;
        job.BackupId ??= sent.BackupId;
        job.RestoreTime ??= sent.RestoreTime;
        job.SafetyBackupId ??= attempt.SafetyBackupId;
    }

    /// <summary>
    /// Marks the unresolved attempt with this id among <paramref name="attempts"/> (this connection's, as
    /// <see cref="Attempts"/> read them) as checked by a person, so it is no longer warned about; null when none is.
    /// </summary>
    public RestoreAttempt? Acknowledge(IEnumerable<RestoreAttempt> attempts, string attemptId, DateTimeOffset now)
    {
        // Also an attempt that stopped at its safety backup step (-BackupTargetFirst): its warning is silenced the same way.
        var attempt = attempts.FirstOrDefault(a => string.Equals(a.AttemptId, attemptId, StringComparison.Ordinal)
            && (IsUnresolved(a, now) || EndedBeforeRestore(a)));
        if (attempt is null) return null;
        Journal.Append(attempt.First.FollowUp(RestoreJournalPhase.Acknowledged, now, null, $"acknowledged by {Environment.UserName}"));
        return attempt;
    }
}
