using RdsRecovery.Instances;
using RdsRecovery.Journal;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// What Restore-RdsInstance and Test-RdsRestoreCompatibility share: the backup-or-time and database-map parameters,
/// and building one validated request per input (every refusal written, nothing sent). Its facts are looked up, and the
/// request sent, by <see cref="RestoreSending"/>.
/// </summary>
public abstract class RestoreRequestCmdlet : RdsServiceCmdlet
{
    /// <summary>The parameter set in which the instances are named by id (and their facts read from the service).</summary>
    public const string IdSet = "ById";

    /// <summary>
    /// The instance the data comes from: an id or an exact name. A backup piped in binds its InstanceId (instance_id)
    /// here, an instance its Id (the aliases are tried in this order, so a backup's own Id never lands here).
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("source_instance_id", "InstanceId", "instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string SourceInstanceId { get; set; } = null!;

    /// <summary>The instance whose data is overwritten (an id or an exact name). Always stated, never defaulted: give the source to restore into the same instance.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("target_instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string TargetInstanceId { get; set; } = null!;

    /// <summary>The backup to restore. A backup piped in gives its id here (see <see cref="InputObject"/>). Blank (an empty CSV cell) means none.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("backup_id")]
    [ArgumentCompleter(typeof(BackupIdCompleter))]
    public string? BackupId { get; set; }

    /// <summary>
    /// A point in time, with its zone: a DateTimeOffset, a UTC or Local DateTime, a string with Z or an offset, or Unix
    /// milliseconds; or the word Latest, the end of the source's newest restorable window, read when the request is built.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("restore_time")]
    [RestoreTimeTransformation]
    public RestoreTimeArgument? RestoreTime { get; set; }

    /// <summary>SQL Server: old database name to new name; an empty new name keeps the original name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("database_name")]
    [DatabaseMapTransformation]
    public DatabaseMapArgument? DatabaseName { get; set; }

    /// <summary>
    /// The piped object itself, so its type decides what it means: a backup's Id is the backup (an 'id' alias on
    /// -BackupId would take an instance's Id too), and a restore job is refused rather than replayed.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The request of the current input, once built: the target of errors about it.</summary>
    protected RestoreRequest? CurrentRequest { get; private set; }

    protected override object? ErrorTarget => CurrentRequest;

    /// <summary>
    /// The validated request for the current input, or null after writing every refusal (those the caller already
    /// found, <paramref name="alreadyRefused"/>, included). <paramref name="retarget"/> points an id refusal at the
    /// parameter the user actually gave.
    /// </summary>
    protected RestoreRequest? BuildRequest(string? sourceInstanceId, string? targetInstanceId, bool alreadyRefused = false,
        Func<RdsError, RdsError>? retarget = null, bool resolveNames = true)
    {
        CurrentRequest = null;
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotARestorePlan(InputObject));
            return null;
        }
        var refused = alreadyRefused;
        var backupId = BlankAsNull(BackupId);
        if (PipelineInput.BackupIdOf(InputObject) is { } pipedBackup)
        {
            if (backupId is not null && backupId != pipedBackup)
            {
                WriteRdsError(PipelineInput.BackupConflict(pipedBackup, backupId));
                refused = true;
            }
            backupId = pipedBackup;
        }
        // Refusals made while binding (see BoundArgument) are written here, for this input, with the others.
        foreach (var bindingRefusal in new[] { RestoreTime?.Refusal, DatabaseName?.Refusal })
        {
            if (bindingRefusal is null) continue;
            WriteRdsError(bindingRefusal);
            refused = true;
        }
        if (!DatabaseMapReader.TryRead(DatabaseName?.Map, out var map, out var mapError))
        {
            WriteRdsError(mapError!);
            refused = true;
        }
        if (RestoreTime is { IsLatest: true } && backupId is not null)
        {
            WriteRdsError(LatestRestoreTime.WithBackup(backupId, RestoreTime.LatestAsGiven!));
            refused = true;
        }
        if (resolveNames && !TryResolveInstances(ref sourceInstanceId, ref targetInstanceId, refused)) return null;
        if (refused) return null;
        var restoreTime = RestoreTime?.Time;
        if (RestoreTime is { IsLatest: true } && !TryResolveLatest(sourceInstanceId, retarget, out restoreTime)) return null;
        if (!RestoreRequest.TryCreate(sourceInstanceId, targetInstanceId, backupId, restoreTime, map, SystemClock.Instance, out var request, out var errors))
        {
            foreach (var error in errors)
                WriteRdsError(error.ParameterName == "DatabaseName" ? error.WithTarget(DatabaseName?.Map) : retarget?.Invoke(error) ?? error);
            return null;
        }
        return CurrentRequest = request;
    }

    /// <summary>
    /// -RestoreTime Latest as the time to send: read now from the source's restorable windows. A malformed source id is
    /// left for the request's own validation; offline and "no window" are refusals of this input.
    /// </summary>
    private bool TryResolveLatest(string? sourceInstanceId, Func<RdsError, RdsError>? retarget, out DateTimeOffset? restoreTime)
    {
        restoreTime = null;
        if (IdentifierRules.CheckInstanceId(sourceInstanceId, "source", nameof(SourceInstanceId)) is { } badSource)
        {
            WriteRdsError(retarget?.Invoke(badSource) ?? badSource);
            return false;
        }
        try
        {
            restoreTime = ResolveLatestRestoreTime(RestoreTime!, sourceInstanceId!);
            return true;
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return false;
        }
    }

    /// <summary>
    /// Source and target as ids. Both shapes are checked first, so a malformed value is refused before the instance
    /// list is read for the other; the list is read only when input is otherwise fine.
    /// </summary>
    private bool TryResolveInstances(ref string? source, ref string? target, bool refused)
    {
        var sourceShape = InstanceReferenceResolver.CheckShape(source, "source", nameof(SourceInstanceId));
        var targetShape = InstanceReferenceResolver.CheckShape(target, "target", nameof(TargetInstanceId));
        if (sourceShape is not null) WriteRdsError(sourceShape);
        if (targetShape is not null) WriteRdsError(targetShape);
        if (refused || sourceShape is not null || targetShape is not null) return false;
        try
        {
            // Without a connection ids pass (NotConnected comes later, with the request as its target) and a name
            // is InstanceNameUnresolved.
            source = ResolveInstanceId(source, "source", nameof(SourceInstanceId), allowOffline: true);
            target = ResolveInstanceId(target, "target", nameof(TargetInstanceId), allowOffline: true);
            return true;
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return false;
        }
    }
}
