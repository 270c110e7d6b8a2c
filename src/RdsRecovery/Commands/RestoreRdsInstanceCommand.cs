using RdsRecovery.PowerShell.Background;
using RdsRecovery.PowerShell.Waiting;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Restores a backup or a point in time of an instance into an existing (or the same) instance: builds and validates
/// the request, checks the compatibility rules unless -SkipCompatibilityCheck, asks for confirmation (naming target,
/// source and backup or UTC time), then submits it. -WhatIf shows the exact JSON body and sends nothing.
/// -BackupTargetFirst takes a manual backup of the target before the restore is sent, so Undo-RdsRestore can put it back.
/// </summary>
[Cmdlet(VerbsData.Restore, "RdsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RdsRestoreJob))]
[OutputType(typeof(RdsBackgroundJob))]
public sealed class RestoreRdsInstanceCommand : RestoreRequestCmdlet
{
    public const string ByIdSet = IdSet;

    private readonly RestoreSending _sending;
    private readonly RestoreJobWaiting _waiting;

    public RestoreRdsInstanceCommand()
    {
        _sending = new RestoreSending(this);
        _waiting = new RestoreJobWaiting(this);
    }

    /// <summary>Skip the compatibility rules (not the input validation), for the rare case the service knows better.</summary>
    [Parameter]
    public SwitchParameter SkipCompatibilityCheck { get; set; }

    // -Force, -Wait, -Timeout and -PollInterval mean here what they mean on RestoreSubmittingCmdlet and
    // RestoreJobWaitingCmdlet; they are declared again because this cmdlet's one base class is the request's, shared
    // with Test-RdsRestoreCompatibility, which neither sends nor waits.

    /// <summary>Do not ask for confirmation (unless -Confirm is given). Never overrides -WhatIf.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>After submitting, wait for every restore of this pipeline to finish (as Wait-RdsRestoreJob).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: how long to wait in all (default: 1 hour). The restores go on after it.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = RestoreJobWaiting.DefaultTimeout;

    /// <summary>With -Wait: the first interval between polls of a job (default: 10 seconds).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan PollInterval { get; set; } = RestoreJobWaiting.DefaultPollInterval;

    /// <summary>
    /// Run as a PowerShell job (Receive-Job gives the RdsRestoreJob objects; Stop-Job stops a -Wait, never a restore
    /// already sent). A job cannot ask for confirmation: give -Force or -Confirm:$false.
    /// </summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <summary>
    /// Before sending the restore, take a manual backup of the target (named RdsRecovery-safety-&lt;UTC time&gt;), wait for it to
    /// complete and for the target to be ACTIVE again; the job carries its id (SafetyBackupId) for Undo-RdsRestore.
    /// </summary>
    [Parameter]
    public SwitchParameter BackupTargetFirst { get; set; }

    /// <summary>With -BackupTargetFirst: how long the safety backup (and the target's return to ACTIVE) may take (default: 1 hour). Past it, nothing is restored.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan BackupTimeout { get; set; } = SafetyBackupWaiting.DefaultTimeout;

    private BackgroundStart? _background;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // A job checks what it can before it starts: a setting it would refuse later is refused here.
        if (AsJob && CheckWaitSettings() is RdsError invalid) ThrowRdsError(invalid);
        _background = BackgroundStart.Begin(this, AsJob, ResolveConnection, Force);
    }

    protected override void ProcessInput()
    {
        if (_background is not null)
        {
            _background.Add(InputObject);
            return;
        }
        if (CheckWaitSettings() is RdsError invalid) ThrowRdsError(invalid);
        var request = BuildRequest(SourceInstanceId, TargetInstanceId);
        if (request is null) return;
        var job = _sending.Send(request, new RestoreSendSettings
        {
            SkipCompatibilityCheck = SkipCompatibilityCheck, Force = Force, BackupTargetFirst = BackupTargetFirst,
            BackupTimeout = BackupTimeout, PollInterval = PollInterval,
        });
        if (job is null) return;
        // The journal already holds the job: a crash while waiting loses nothing.
        if (Wait) _waiting.Queue(job);
        else WriteObject(job);
    }

    protected override void EndInput()
    {
        _background?.Start();
        _waiting.WaitAndWriteQueued(Timeout, PollInterval);
    }

    protected override void StopProcessing()
    {
        _waiting.AnnounceStop();
        base.StopProcessing();
    }

    /// <summary>-Timeout and -PollInterval, and -BackupTimeout with -BackupTargetFirst: checked before anything is sent.</summary>
    private RdsError? CheckWaitSettings()
    {
        if (RestoreJobWaiting.CheckSettings(Timeout, PollInterval) is RdsError invalid) return invalid;
        if (!BackupTargetFirst || BackupTimeout > TimeSpan.Zero) return null;
        return new RdsError(RdsErrorIds.InvalidWaitSetting,
            $"-BackupTimeout {BackupTimeout} is not positive: give how long the safety backup may take (the default is 1 h). Nothing was sent.",
            BackupTimeout, nameof(BackupTimeout));
    }
}
