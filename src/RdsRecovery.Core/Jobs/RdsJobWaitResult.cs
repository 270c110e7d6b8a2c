using System;
using RdsRecovery.Model;

namespace RdsRecovery.Jobs;

/// <summary>The final state of one waited-for job, with an error id and message when it did not succeed.</summary>
public sealed class RdsJobWaitResult
{
    internal RdsJobWaitResult(RdsRestoreJob job, RdsJobWaitOutcome outcome, string? errorId, string? message, Exception? error)
    {
        Job = job;
        Outcome = outcome;
        ErrorId = errorId;
        Message = message;
        Error = error;
    }

    /// <summary>The job, updated with the last state seen (status, progress, times, fail reason, target status).</summary>
    public RdsRestoreJob Job { get; }
    public RdsJobWaitOutcome Outcome { get; }
    public bool Succeeded => Outcome == RdsJobWaitOutcome.Completed;
    /// <summary>A stable id for the error record (see RdsErrorIds), null on success.</summary>
    public string? ErrorId { get; }
    public string? Message { get; }
    /// <summary>The service error behind a PollFailed outcome.</summary>
    public Exception? Error { get; }

    public override string ToString() => $"{Job.JobId} {Outcome}";
}
