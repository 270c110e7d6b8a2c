namespace RdsRecovery.Api;

/// <summary>A job as GET /v3/{project_id}/jobs?id= describes it.</summary>
public sealed class RdsJobInfo
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public RdsJobStatus Status { get; init; }
    /// <summary>The status text as the service wrote it (Running, Completed, Complete, Failed, ...).</summary>
    public string? RawStatus { get; init; }
    /// <summary>The service's progress text (for example "60%" or "60"); null when it gives none.</summary>
    public string? Progress { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public string? FailReason { get; init; }
    /// <summary>The instance the job works on: the restore target.</summary>
    public string? InstanceId { get; init; }
    public string? InstanceName { get; init; }

    /// <summary>Copies what the service says onto a restore job, keeping what only the submitter knew (source, backup, time).</summary>
    public void ApplyTo(RdsRestoreJob job)
    {
        if (job is null) throw new ArgumentNullException(nameof(job));
        if (string.IsNullOrEmpty(job.JobId)) job.JobId = Id;
        job.Name = Name ?? job.Name;
        job.Status = Status;
        job.Progress = Progress;
        job.Created = Created ?? job.Created;
        job.Ended = Ended ?? job.Ended;
        job.FailReason = FailReason;
        if (string.IsNullOrEmpty(job.TargetInstanceId) && !string.IsNullOrEmpty(InstanceId)) job.TargetInstanceId = InstanceId!;
        if (!string.IsNullOrEmpty(InstanceName)) job.TargetInstanceName = InstanceName;
    }

    /// <summary>A restore job built from the service's view alone (Get-RdsRestoreJob -JobId).</summary>
    public RdsRestoreJob ToRestoreJob()
    {
        var job = new RdsRestoreJob { JobId = Id };
        ApplyTo(job);
        return job;
    }

    public static RdsJobStatus ParseStatus(string? status)
    {
        switch (status?.Trim().ToUpperInvariant())
        {
            case "RUNNING": return RdsJobStatus.Running;
            case "COMPLETED":
            case "COMPLETE": return RdsJobStatus.Completed;
            case "FAILED":
            case "FAIL": return RdsJobStatus.Failed;
            default: return RdsJobStatus.Unknown;
        }
    }

    public override string ToString() => $"{Id} {Status}";
}
