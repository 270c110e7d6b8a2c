using RdsRecovery.Journal;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// The state of restore jobs: by id (from the pipeline too), or -Recent: the restores this user submitted lately,
/// from the local journal, so a runbook killed while waiting finds its jobs again. -Recent also warns about each
/// restore whose outcome the journal cannot tell, until it is tied to its job or acknowledged (-Acknowledge).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RdsRestoreJob", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RdsRestoreJob))]
public sealed class GetRdsRestoreJobCommand : RdsServiceCmdlet
{
    public const string ByIdSet = "ById";
    public const string RecentSet = "Recent";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("job_id")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[] JobId { get; set; } = null!;

    /// <summary>The restores recorded in the local journal, newest first.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RecentSet)]
    public SwitchParameter Recent { get; set; }

    /// <summary>With -Recent: how far back to look (default: 1 day).</summary>
    [Parameter(ParameterSetName = RecentSet)]
    [DurationTransformation]
    public TimeSpan Within { get; set; } = TimeSpan.FromDays(1);

    /// <summary>With -Recent: only restores into this instance (its id, or its exact name).</summary>
    [Parameter(ParameterSetName = RecentSet)]
    [Alias("target_instance_id")]
    public string? TargetInstanceId { get; set; }

    /// <summary>With -Recent: attempt ids (from the warnings) of unresolved restores you have checked; they are no longer warned about.</summary>
    [Parameter(ParameterSetName = RecentSet)]
    public string[]? Acknowledge { get; set; }

    private string? _current;
    private string? _targetId;
    protected override object? ErrorTarget => _current;

    protected override void ProcessInput()
    {
        var journal = Journal();
        if (ParameterSetName == RecentSet)
        {
            var mine = new ConnectionJournal(journal, ResolveConnection());
            var attempts = RecentAttempts(mine);
            if (Acknowledge is not null) AcknowledgeAttempts(mine, attempts);
            WriteRecent(mine, RecentAttempts(mine));
            return;
        }
        foreach (var id in JobId)
        {
            _current = id;
            if (!InputChecks.IsValidJobId(this, id, nameof(JobId))) continue;
            var job = journal.JobOrBare(id);
            var journalSawIt = job.SubmittedAt is not null;
            try
            {
                job = Refresh(job);
            }
            catch (RdsServiceException ex)
            {
                WriteError(ErrorRecords.From(ex, id));
                continue;
            }
            if (!journalSawIt) TieToUnresolvedSend(new ConnectionJournal(journal, ResolveConnection()), job);
            WriteObject(job);
        }
    }

    /// <summary>This connection's attempts in the look-back (and into -TargetInstanceId), newest first.</summary>
    private IReadOnlyList<RestoreAttempt> RecentAttempts(ConnectionJournal journal)
    {
        // The journal holds ids: a name is resolved once (a journal entry's target may no longer exist, so an id passes as it is).
        _targetId ??= TargetInstanceId is null ? null : ResolveInstanceId(TargetInstanceId, "target", nameof(TargetInstanceId));
        return journal.Attempts(DateTimeOffset.UtcNow - Within, _targetId);
    }

    /// <summary>
    /// Every attempt it can read becomes a job or a warning; each one it cannot read is its own non-terminating
    /// error. A finished job's target status is not shown when a later restore owns the target now.
    /// </summary>
    private void WriteRecent(ConnectionJournal journal, IReadOnlyList<RestoreAttempt> attempts)
    {
        var now = DateTimeOffset.UtcNow;
        var targetsRestoredLater = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attempt in attempts)
        {
            var outcome = attempt.Outcome;
            if (outcome?.Phase == RestoreJournalPhase.Submitted)
            {
                WriteJob(attempt, outcome, targetsRestoredLater.Contains(attempt.TargetInstanceId));
            }
            else if (journal.IsUnresolved(attempt, now))
            {
                WriteWarning(attempt.Describe());
            }
            else if (attempt.EndedBeforeRestore(RestoreAttempt.SenderMayBeAlive))
            {
                // -BackupTargetFirst took (or tried) a backup and no restore was sent: say so, and where the backup is.
                WriteWarning(attempt.DescribeEndedBeforeRestore());
                continue;
            }
            else if (outcome is null)
            {
                WriteVerbose($"A restore into {attempt.TargetInstanceId} is being sent now by process {attempt.First.ProcessId} (attempt {attempt.AttemptId}).");
            }
            if (outcome?.Phase is not RestoreJournalPhase.Refused and not RestoreJournalPhase.Acknowledged) targetsRestoredLater.Add(attempt.TargetInstanceId);
        }
    }

    private void WriteJob(RestoreAttempt attempt, RestoreJournalEntry submitted, bool restoredLater)
    {
        _current = submitted.JobId;
        if (string.IsNullOrWhiteSpace(submitted.JobId))
        {
            WriteRdsError(new RdsError(RdsErrorIds.InvalidJobId,
                $"The journal's line for the restore into {attempt.TargetInstanceId} at {attempt.SentAt.UtcDateTime:u} has no job id (attempt {attempt.AttemptId}).",
                attempt.AttemptId));
            return;
        }
        try
        {
            WriteObject(Refresh(submitted.ToRestoreJob(), withTargetStatus: true, targetRestoredLater: restoredLater));
        }
        catch (RdsServiceException ex)
        {
            WriteError(ErrorRecords.From(ex, submitted.JobId));
        }
    }

    private void AcknowledgeAttempts(ConnectionJournal journal, IReadOnlyList<RestoreAttempt> attempts)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var id in Acknowledge!)
        {
            var attempt = journal.Acknowledge(attempts, id, now);
            if (attempt is null)
            {
                WriteRdsError(new RdsError(RdsErrorIds.UnresolvedRestoreNotFound,
                    $"No unresolved restore with attempt id '{id}' is in the journal for this connection within {Within}. Get-RdsRestoreJob -Recent warns with the ids it knows.",
                    id, nameof(Acknowledge)));
                continue;
            }
            WriteVerbose($"Acknowledged: the restore into {attempt.TargetInstanceId} sent at {attempt.SentAt.UtcDateTime:u} (attempt {id}) is no longer warned about.");
        }
    }

    /// <summary>
    /// A job the service shows for a target, created around an unresolved send into it from this connection, is
    /// that send's job: the journal records it, so -Recent lists the job instead of warning.
    /// </summary>
    private void TieToUnresolvedSend(ConnectionJournal journal, RdsRestoreJob job)
    {
        var attempt = journal.UnresolvedSendOf(job, DateTimeOffset.UtcNow);
        if (attempt is null) return;
        journal.Tie(attempt, job, DateTimeOffset.UtcNow, "Get-RdsRestoreJob");
        WriteVerbose($"Job {job.JobId} is the restore into {job.TargetInstanceId} sent at {attempt.SentAt.UtcDateTime:u} whose outcome was unknown; the journal now records it.");
    }

    /// <summary>
    /// The job as the service sees it now, from one request: a poll loop over many jobs should cost one call per job.
    /// A job too new to be visible stays Submitted. With -Recent (finding jobs again after a crash) the target's
    /// status is read too, since that is when it answers "is it still restoring?", unless the job has ended and a
    /// later restore owns the target (its RESTORING would be that restore's, not this job's).
    /// </summary>
    private RdsRestoreJob Refresh(RdsRestoreJob job, bool withTargetStatus = false, bool targetRestoredLater = false)
    {
        try
        {
            var info = Call((client, token) => client.GetJobAsync(job.JobId, token));
            info.ApplyTo(job);
        }
        catch (RdsServiceException ex) when (ex.IsJobNotFound && job.Status == RdsJobStatus.Submitted
            && job.SubmittedAt is DateTimeOffset at && DateTimeOffset.UtcNow - at < TimeSpan.FromMinutes(2))
        {
            WriteVerbose($"Job {job.JobId} is not visible yet (submitted {at.UtcDateTime:u}); the service shows new jobs after a few seconds.");
            return job;
        }
        if (withTargetStatus && job.IsFinished && targetRestoredLater)
        {
            WriteVerbose($"Job {job.JobId} has ended and a later restore went into {job.TargetInstanceId}: its target status is that restore's, not shown here.");
            return job;
        }
        if (withTargetStatus && !string.IsNullOrEmpty(job.TargetInstanceId))
        {
            var target = Call((client, token) => client.GetInstanceAsync(job.TargetInstanceId, token));
            job.TargetStatus = target?.Status;
            job.TargetInstanceName ??= target?.Name;
        }
        return job;
    }
}
