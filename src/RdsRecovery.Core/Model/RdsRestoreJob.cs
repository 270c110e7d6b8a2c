namespace RdsRecovery.Model;

/// <summary>
/// A restore job: what was asked (source, target, backup or point in time) and what the service says of it.
/// Written to the pipeline as soon as the service accepts the restore, so a crash while waiting loses nothing.
/// </summary>
public sealed class RdsRestoreJob
{
    public string JobId { get; set; } = "";
    /// <summary>The job name the service reports, for example RestoreToExistingInstance.</summary>
    public string? Name { get; set; }
    /// <summary>What was restored: the whole instance, or databases or tables (into the same instance under new names).</summary>
    public RestoreKind Kind { get; set; } = RestoreKind.Instance;
    /// <summary>Database and table restores: what was restored under which new name ("old -> new, ..."); null for an instance.</summary>
    public string? RestoredObjects { get; set; }
    public string SourceInstanceId { get; set; } = "";
    public string TargetInstanceId { get; set; } = "";
    public string? TargetInstanceName { get; set; }
    public string? BackupId { get; set; }
    public DateTimeOffset? RestoreTime { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public RdsJobStatus Status { get; set; } = RdsJobStatus.Unknown;
    /// <summary>Progress as the service reports it (for example "60%"); null when it reports none.</summary>
    public string? Progress { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Ended { get; set; }
    public string? FailReason { get; set; }
    /// <summary>The target instance's status when last seen (RESTORING, ACTIVE, ...).</summary>
    public string? TargetStatus { get; set; }
    /// <summary>The API version the restore was posted to (v3 or v3.1); null for a job not submitted here.</summary>
    public string? ApiVersion { get; set; }
    /// <summary>The rule profile the restore was checked under (Seed or V31); null when the rules were skipped or the job was not submitted here.</summary>
    public string? RuleProfile { get; set; }
    /// <summary>
    /// The manual backup of the target taken just before this restore (Restore-RdsInstance -BackupTargetFirst); null when
    /// none was taken. Undo-RdsRestore restores it. It is kept, and billed, until removed (Remove-RdsBackup).
    /// </summary>
    public string? SafetyBackupId { get; set; }
    /// <summary>X-Request-Id of the submitting request, for support cases.</summary>
    public string? RequestId { get; set; }

    public bool IsFinished => Status == RdsJobStatus.Completed || Status == RdsJobStatus.Failed;

    /// <summary>Time from creation (or submission) to the end, or to now while running.</summary>
    public TimeSpan? Duration
    {
        get
        {
            var start = Created ?? SubmittedAt;
            if (start is null) return null;
            var end = Ended ?? (IsFinished ? start : DateTimeOffset.UtcNow);
            var span = end.Value - start.Value;
            return span < TimeSpan.Zero ? TimeSpan.Zero : span;
        }
    }

    public override string ToString() => JobId;
}
