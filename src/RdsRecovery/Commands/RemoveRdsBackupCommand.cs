namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Deletes a manual backup (the safety backups of -BackupTargetFirst among them).
/// DELETE /v3/{project_id}/backups/{backup_id}. The backup is looked up first: only a manual
/// backup is deleted (automated backups are the service's), and the confirmation names it. ConfirmImpact High.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "RdsBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RdsBackup))]
public sealed class RemoveRdsBackupCommand : RdsServiceCmdlet
{
    /// <summary>The instance the backup was taken of (an id or an exact name); a piped backup binds its InstanceId.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>The manual backup to delete; a piped backup gives its own id.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("backup_id")]
    [ArgumentCompleter(typeof(BackupIdCompleter))]
    public string? BackupId { get; set; }

    /// <summary>Do not ask for confirmation (unless -Confirm is given). Never overrides -WhatIf.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the backup that was deleted (as it was before the delete).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped object itself: a backup gives its id, and a restore job is refused (it names two backups).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private string? _current;
    protected override object? ErrorTarget => _current ?? BackupId;

    protected override void ProcessInput()
    {
        _current = null;
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.Refused(InputObject, "A restore job names its source backup and its safety backup; which one to delete is not guessed. " +
                "Pass -InstanceId $job.TargetInstanceId -BackupId $job.SafetyBackupId to delete its safety backup."));
            return;
        }
        var backupId = BlankAsNull(BackupId);
        if (PipelineInput.BackupIdOf(InputObject) is { } piped)
        {
            if (backupId is not null && backupId != piped)
            {
                WriteRdsError(PipelineInput.BackupConflict(piped, backupId));
                return;
            }
            backupId = piped;
        }
        if (!InputChecks.IsValidBackupId(this, backupId, nameof(BackupId))) return;
        _current = backupId!;
        var instanceId = ResolveInstanceId(InstanceId, "backed-up", nameof(InstanceId));
        var backup = Call((client, token) => client.FindBackupAsync(instanceId, backupId!, token));
        if (backup is null)
        {
            WriteRdsError(new RdsError(RdsErrorIds.BackupNotFound,
                $"No backup '{backupId}' of instance {instanceId} was found (already deleted, or taken of another instance). Nothing was sent.",
                backupId, nameof(BackupId)));
            return;
        }
        if (!string.Equals(backup.Type, "manual", StringComparison.OrdinalIgnoreCase))
        {
            WriteRdsError(new RdsError(RdsErrorIds.BackupNotManual,
                $"Backup {backup} of {instanceId} is an automated ({backup.Type}) backup; only manual backups can be deleted (the service keeps automated ones by its retention policy). Nothing was sent.",
                backup, nameof(BackupId)));
            return;
        }
        var taken = backup.BeginTime is { } begin ? $", taken {begin.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "";
        var what = $"Delete manual backup '{backup.Name}' ({backup.Id}) of {instanceId}{taken}, {backup.Status}. A deleted backup cannot be restored from again.";
        if (!ConfirmationPrompt.Ask(this, Force, what, what + " Delete it?", $"Delete backup {backup.Id}", backup, $"of backup {backup.Id}", "The deletion"))
            return;
        var requestId = Call((client, token) => client.DeleteManualBackupAsync(backup.Id, token));
        WriteVerbose($"Deleted: backup {backup.Id} of {instanceId} (request id {requestId ?? "none"}).");
        if (PassThru) WriteObject(backup);
    }
}
