using RdsRecovery.Backups;
using RdsRecovery.PowerShell.Waiting;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Creates a manual backup of an instance.
/// POST /v3/{project_id}/backups. The name is checked against the documented grammar before
/// anything is sent. Returns the backup as the service answers (BUILDING); -Wait follows it in the backup list until
/// COMPLETED, or an error when it FAILED or -Timeout passed. Manual backups are kept, and billed, until removed.
/// </summary>
[Cmdlet(VerbsCommon.New, "RdsBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RdsBackup))]
public sealed class NewRdsBackupCommand : RdsServiceCmdlet
{
    /// <summary>The instance to back up: an id or an exact name; an instance piped in binds its Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>The backup's name: 4 to 64 characters, a letter first, then letters, digits, '-' and '_'; unique.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Name { get; set; } = null!;

    /// <summary>At most 256 characters, none of &gt; ! &lt; " &amp; ' =.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>SQL Server (and PostgreSQL): back up only these databases.</summary>
    [Parameter]
    public string[]? DatabaseName { get; set; }

    /// <summary>Follow the backup until it is COMPLETED (an error if it FAILED or -Timeout passed).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: how long to wait (default: 1 hour). The backup goes on after it.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = SafetyBackupWaiting.DefaultTimeout;

    /// <summary>With -Wait: the first interval between reads of the backup list (default: 10 seconds).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan PollInterval { get; set; } = RestoreJobWaiting.DefaultPollInterval;

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override object? ErrorTarget => InstanceId;

    protected override void ProcessInput()
    {
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return;
        }
        if (Wait && RestoreJobWaiting.CheckSettings(Timeout, PollInterval) is RdsError invalid) ThrowRdsError(invalid);
        // The name and description are refused before the instance list is read for a name.
        var shape = new[] { ManualBackupRules.CheckName(Name), ManualBackupRules.CheckDescription(Description) }.Where(e => e is not null).ToList();
        foreach (var error in shape) WriteRdsError(error!);
        if (shape.Count > 0) return;
        var instanceId = ResolveInstanceId(InstanceId, "backed-up", nameof(InstanceId));
        if (!ManualBackupRequest.TryCreate(instanceId, Name, Description, DatabaseName, out var request, out var errors))
        {
            foreach (var error in errors) WriteRdsError(error);
            return;
        }
        var instance = Call((client, token) => client.GetInstanceAsync(instanceId, token));
        if (instance is null)
        {
            InputChecks.WriteInstanceNotFound(this, instanceId);
            return;
        }
        if (request!.Databases is not null && RdsEngines.Parse(instance.Engine) is not (RdsEngine.SqlServer or RdsEngine.PostgreSql))
        {
            WriteRdsError(new RdsError(RdsErrorIds.InvalidBackupDatabases,
                $"-DatabaseName backs up a subset of databases on SQL Server and PostgreSQL only; {instance.Name} ({instance.Id}) runs {instance.Engine}. Nothing was sent.",
                DatabaseName, nameof(DatabaseName)));
            return;
        }
        var body = request.ToJson();
        var label = instance.Name.Length > 0 ? $"{instance.Name} ({instance.Id})" : instance.Id;
        if (!ConfirmationPrompt.Ask(this, force: false,
                $"{label}: create manual backup '{request.Name}' (kept, and billed, until removed). Body of {ManualBackupRequest.Endpoint}: {body}",
                $"{label}: create manual backup '{request.Name}'? It is kept, and billed, until removed. Body: {body}", $"Back up {label}",
                instance, $"of manual backup '{request.Name}' of {label}", "The creation"))
            return;
        var backup = Call((client, token) => client.CreateManualBackupAsync(request, token));
        WriteVerbose($"Backup {backup.Id} ('{backup.Name}') of {backup.InstanceId} is {backup.Status}.");
        if (Wait) new SafetyBackupWaiting(this, PollInterval).FollowAndWrite(backup, Timeout);
        else WriteObject(backup);
    }
}
