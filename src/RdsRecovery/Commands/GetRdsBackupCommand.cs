namespace RdsRecovery.PowerShell.Commands;

/// <summary>Lists the backups of an instance (all pages), newest first. An instance piped in binds by its Id.</summary>
[Cmdlet(VerbsCommon.Get, "RdsBackup")]
[OutputType(typeof(RdsBackup))]
public sealed class GetRdsBackupCommand : InstanceReadCmdlet
{
    /// <summary>An id or an exact name. Binds by property name: InstanceId, instance_id, SourceInstanceId, source_instance_id, then Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "SourceInstanceId", "source_instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>Only this backup. A plan row binds its backup_id here, and a piped backup its own id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("backup_id")]
    [ArgumentCompleter(typeof(BackupIdCompleter))]
    public string? BackupId { get; set; }

    [Parameter]
    [Alias("backup_type")]
    [ValidateSet("auto", "manual", "fragment", "incremental", IgnoreCase = true)]
    public string? Type { get; set; }

    /// <summary>Only backups in this state (COMPLETED, BUILDING, FAILED, DELETING); filtered here, for every engine.</summary>
    [Parameter]
    [ValidateSet("COMPLETED", "BUILDING", "FAILED", "DELETING", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Only backups that began at or after this time (give a zone; a DateTime is read by its Kind).</summary>
    [Parameter]
    public DateTimeOffset? After { get; set; }

    /// <summary>Only backups that began at or before this time.</summary>
    [Parameter]
    public DateTimeOffset? Before { get; set; }

    protected override string InstanceReference => InstanceId;

    protected override void ReadInstance()
    {
        var backupId = string.IsNullOrWhiteSpace(BackupId) ? null : BackupId;
        if (PipelineInput.BackupIdOf(InputObject) is { } pipedBackup)
        {
            if (backupId is not null && backupId != pipedBackup)
            {
                WriteRdsError(PipelineInput.BackupConflict(pipedBackup, backupId));
                return;
            }
            backupId = pipedBackup;
        }
        var instanceId = RequestedInstanceId();
        if (backupId is not null && !InputChecks.IsValidBackupId(this, backupId, nameof(BackupId))) return;
        var query = new RdsBackupQuery(instanceId) { BackupId = backupId, Type = Type, Status = Status, After = After, Before = Before };
        if (query.Check(nameof(After)) is { } invalid)
        {
            WriteRdsError(invalid);
            return;
        }
        var backups = query.Select(Call((client, token) => client.ListBackupsAsync(query.ToFilter(DateTimeOffset.UtcNow), token)));
        foreach (var backup in backups) WriteObject(backup);
    }
}
