namespace RdsRecovery.Jobs;

/// <summary>The final state of one waited-for job, with the error to report when it did not succeed.</summary>
public sealed class RdsJobWaitResult
{
    internal RdsJobWaitResult(RdsRestoreJob job, RdsJobWaitOutcome outcome, RdsError? error)
    {
        Job = job;
        Outcome = outcome;
        Error = error;
    }

    /// <summary>The job, updated with the last state seen (status, progress, times, fail reason, target status).</summary>
    public RdsRestoreJob Job { get; }
    public RdsJobWaitOutcome Outcome { get; }
    public bool Succeeded => Outcome == RdsJobWaitOutcome.Completed;
    /// <summary>Why the job did not end well (id, message, the job as target, the service failure as cause); null on success.</summary>
    public RdsError? Error { get; }

    public override string ToString() => $"{Job.JobId} {Outcome}";
}
