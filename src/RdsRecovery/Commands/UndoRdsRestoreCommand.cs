namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Undoes a restore made with -BackupTargetFirst: restores its safety backup into its target.
/// The undo is a restore like any other, on the same road as Restore-RdsInstance: every
/// compatibility rule, a High-impact confirmation naming the target and the backup, one journalled submission. It is
/// refused when the job has no safety backup, has not finished, or its backup is gone.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "RdsRestore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = JobSet)]
[OutputType(typeof(RdsRestoreJob))]
public sealed class UndoRdsRestoreCommand : RestoreSubmittingCmdlet
{
    public const string JobSet = "Job";
    public const string JobIdSet = "JobId";

    private readonly RestoreSending _sending;

    public UndoRdsRestoreCommand() => _sending = new RestoreSending(this);

    /// <summary>A job Restore-RdsInstance -BackupTargetFirst returned (or Get-RdsRestoreJob read back).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public RdsRestoreJob Job { get; set; } = null!;

    /// <summary>The id of such a job; its target and safety backup are read from the local journal.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = JobIdSet)]
    [Alias("job_id")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string JobId { get; set; } = null!;

    private string? _current;
    protected override object? ErrorTarget => (object?)Job ?? _current;

    // The parameter the user named the job with, for the error records about it.
    private string JobParameter => ParameterSetName == JobSet ? nameof(Job) : nameof(JobId);

    protected override void ProcessInput()
    {
        ThrowIfWaitSettingsInvalid();
        var job = ParameterSetName == JobSet ? Job : FromJournal(JobId);
        if (job is null) return;
        _current = job.JobId;
        var safetyBackupId = job.SafetyBackupId ?? Journal().FindSubmitted(job.JobId)?.SafetyBackupId;
        if (safetyBackupId is null)
        {
            WriteRdsError(new RdsError(RdsErrorIds.UndoNoSafetyBackup,
                $"Restore job {job.JobId} into {job.TargetInstanceId} has no safety backup: it was not sent with -BackupTargetFirst (or not from this machine's journal), " +
                "so there is nothing to undo it with. Nothing was sent. Restore an earlier backup of the target with Restore-RdsInstance instead.", job, JobParameter));
            return;
        }
        if (!IsFinished(job)) return;
        if (!SafetyBackupUsable(job, safetyBackupId)) return;
        if (!RestoreRequest.TryCreate(job.TargetInstanceId, job.TargetInstanceId, safetyBackupId, null, null, SystemClock.Instance, out var request, out var errors))
        {
            foreach (var error in errors) WriteRdsError(error);
            return;
        }
        var undo = _sending.Send(request!, new RestoreSendSettings { Force = Force, PollInterval = PollInterval, Undoing = job.JobId });
        if (undo is not null) Deliver(undo);
    }

    private RdsRestoreJob? FromJournal(string jobId)
    {
        _current = jobId;
        if (!InputChecks.IsValidJobId(this, jobId, nameof(JobId))) return null;
        var submitted = Journal().FindSubmitted(jobId);
        if (submitted is not null) return submitted.ToRestoreJob();
        WriteRdsError(new RdsError(RdsErrorIds.UndoJobNotInJournal,
            $"The local restore journal ({Journal().FilePath}) has no restore with job id {jobId} in the last 31 days, so its target and safety backup are not known. " +
            "Nothing was sent. Pass the job object itself (-Job), or restore the safety backup with Restore-RdsInstance.", jobId, nameof(JobId)));
        return null;
    }

    /// <summary>The service's word on the job: an undo of a restore still running would be overwritten by it (or overwrite it).</summary>
    private bool IsFinished(RdsRestoreJob job)
    {
        try
        {
            var info = Call((client, token) => client.GetJobAsync(job.JobId, token));
            if (info.Status is not (RdsJobStatus.Running or RdsJobStatus.Submitted or RdsJobStatus.Unknown)) return true;
            WriteRdsError(NotFinished(job, $"the service reports it {info.Status}"));
            return false;
        }
        catch (RdsServiceException ex) when (ex.IsJobNotFound)
        {
            // Not yet visible (just sent), or older than the service keeps jobs: then the target's status decides (TargetNotBusy).
            if (job.SubmittedAt is DateTimeOffset at && DateTimeOffset.UtcNow - at < TimeSpan.FromMinutes(2))
            {
                WriteRdsError(NotFinished(job, "it was sent moments ago and the service does not show it yet"));
                return false;
            }
            WriteVerbose($"The service no longer shows job {job.JobId}; the target's own status is checked by the rules.");
            return true;
        }
    }

    private RdsError NotFinished(RdsRestoreJob job, string why) =>
        new(RdsErrorIds.UndoJobNotFinished,
            $"Restore job {job.JobId} into {job.TargetInstanceId} has not finished ({why}); undoing it now would race it. Nothing was sent. " +
            $"Wait for it (Wait-RdsRestoreJob -JobId {job.JobId}), then run Undo-RdsRestore again.", job, JobParameter);

    private bool SafetyBackupUsable(RdsRestoreJob job, string backupId)
    {
        var backup = Call((client, token) => client.FindBackupAsync(job.TargetInstanceId, backupId, token));
        if (backup is not null && string.Equals(backup.Status, "COMPLETED", StringComparison.OrdinalIgnoreCase)) return true;
        var state = backup is null ? "is no longer in the target's backup list (it was deleted)" : $"is {backup.Status}, not COMPLETED";
        WriteRdsError(new RdsError(RdsErrorIds.SafetyBackupGone,
            $"The safety backup {backupId} of restore job {job.JobId} {state}, so the restore cannot be undone from it. Nothing was sent. " +
            $"List what is left with Get-RdsBackup -InstanceId {job.TargetInstanceId}.", job, JobParameter));
        return false;
    }
}
