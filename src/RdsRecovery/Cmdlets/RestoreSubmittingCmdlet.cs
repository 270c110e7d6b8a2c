namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// Base of the cmdlets that send restores and can wait for them (Undo-RdsRestore, Restore-RdsDatabase, Restore-RdsTable):
/// -Force for the confirmation, and -Wait, which holds each submitted job back until it has finished.
/// </summary>
public abstract class RestoreSubmittingCmdlet : RestoreJobWaitingCmdlet
{
    /// <summary>Do not ask for confirmation (unless -Confirm is given). Never overrides -WhatIf.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>After submitting, wait for every restore of this pipeline to finish (as Wait-RdsRestoreJob).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>
    /// A submitted job goes to the pipeline at once, or with -Wait once, in its final state, after the last input; the
    /// local journal already holds it, so a crash while waiting loses nothing.
    /// </summary>
    protected void Deliver(RdsRestoreJob job)
    {
        if (Wait) WaitFor(job);
        else WriteObject(job);
    }
}
