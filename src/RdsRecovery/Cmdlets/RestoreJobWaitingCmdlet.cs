using RdsRecovery.PowerShell.Waiting;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// Base of the cmdlets that wait for restore jobs (Wait-RdsRestoreJob, and through <see cref="RestoreSubmittingCmdlet"/>
/// the -Wait of Undo-RdsRestore, Restore-RdsDatabase and Restore-RdsTable): -Timeout and -PollInterval, checked before
/// anything is sent, and the jobs queued during the input, waited for together after the last one (see RestoreJobWaiting).
/// Restore-RdsInstance declares the same two parameters itself: its one base class is the request's, shared with
/// Test-RdsRestoreCompatibility, which does not wait.
/// </summary>
public abstract class RestoreJobWaitingCmdlet : RdsServiceCmdlet
{
    private readonly RestoreJobWaiting _waiting;

    protected RestoreJobWaitingCmdlet() => _waiting = new RestoreJobWaiting(this);

    /// <summary>How long to wait in all (default: 1 hour). The restores go on after it.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = RestoreJobWaiting.DefaultTimeout;

    /// <summary>The first interval between polls of a job (default: 10 seconds); it backs off from there.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan PollInterval { get; set; } = RestoreJobWaiting.DefaultPollInterval;

    /// <summary>A terminating InvalidWaitSetting when -Timeout or -PollInterval cannot be waited with.</summary>
    protected void ThrowIfWaitSettingsInvalid()
    {
        if (RestoreJobWaiting.CheckSettings(Timeout, PollInterval) is RdsError invalid) ThrowRdsError(invalid);
    }

    /// <summary>A job to wait for after the last input.</summary>
    protected void WaitFor(RdsRestoreJob job) => _waiting.Queue(job);

    /// <summary>Waits for every job queued with <see cref="WaitFor"/>; a cmdlet adding its own end work calls this too.</summary>
    protected override void EndInput() => _waiting.WaitAndWriteQueued(Timeout, PollInterval);

    protected override void StopProcessing()
    {
        _waiting.AnnounceStop();
        base.StopProcessing();
    }
}
