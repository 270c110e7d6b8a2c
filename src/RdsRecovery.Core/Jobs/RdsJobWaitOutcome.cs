namespace RdsRecovery.Jobs;

/// <summary>How waiting for one job ended.</summary>
public enum RdsJobWaitOutcome
{
    /// <summary>The job completed and its target is ACTIVE again.</summary>
    Completed,
    /// <summary>The job failed; FailReason says why.</summary>
    Failed,
    /// <summary>The job completed but the target instance went to FAILED (or vanished).</summary>
    TargetFailed,
    /// <summary>The wait timed out; the job goes on.</summary>
    TimedOut,
    /// <summary>The job was still not visible after the grace period.</summary>
    NotFound,
    /// <summary>Polling failed (authentication, permission, repeated errors).</summary>
    PollFailed,
}
