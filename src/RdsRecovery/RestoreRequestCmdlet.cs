using System;
using System.Collections;
using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Completion;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.PowerShell;

/// <summary>
/// What Restore-RdsInstance and Test-RdsRestoreCompatibility share: the backup-or-time and database-map parameters,
/// building one validated request per input (every refusal written, nothing sent), and looking its facts up.
/// </summary>
public abstract class RestoreRequestCmdlet : RdsServiceCmdlet
{
    /// <summary>The parameter set in which the instances are named by id (and their facts read from the service).</summary>
    public const string IdSet = "ById";

    /// <summary>The instance the data comes from. A backup piped in binds its InstanceId (instance_id) here.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("InstanceId", "instance_id", "source_instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string SourceInstanceId { get; set; } = null!;

    /// <summary>The instance whose data is overwritten. Always stated, never defaulted: give the source id to restore into the same instance.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("target_instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string TargetInstanceId { get; set; } = null!;

    /// <summary>The backup to restore. A backup object piped in binds its id here. Blank (an empty CSV cell) means none.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("id", "backup_id")]
    [ArgumentCompleter(typeof(BackupIdCompleter))]
    public string? BackupId { get; set; }

    /// <summary>A point in time, with its zone: a DateTimeOffset, a UTC or Local DateTime, a string with Z or an offset, or Unix milliseconds.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("restore_time")]
    [RestoreTimeTransformation]
    public DateTimeOffset? RestoreTime { get; set; }

    /// <summary>SQL Server: old database name to new name; an empty new name keeps the original name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("database_name")]
    [DatabaseMapTransformation]
    public IDictionary? DatabaseName { get; set; }

    /// <summary>The request of the current input, once built: the target of errors about it.</summary>
    protected RestoreRequest? CurrentRequest { get; private set; }

    protected override object? ErrorTarget => CurrentRequest;

    /// <summary>
    /// The validated request for the current input, or null after writing every refusal (those the caller already
    /// found, <paramref name="alreadyRefused"/>, included). <paramref name="retarget"/> points an id refusal at the
    /// parameter the user actually gave.
    /// </summary>
    protected RestoreRequest? BuildRequest(string? sourceInstanceId, string? targetInstanceId, bool alreadyRefused = false,
        Func<RdsError, RdsError>? retarget = null)
    {
        CurrentRequest = null;
        var refused = alreadyRefused;
        if (RestoreTimeRefusals.Redeem(RestoreTime) is { } timeError)
        {
            WriteRdsError(timeError);
            refused = true;
        }
        if (!DatabaseMapReader.TryRead(DatabaseName, out var map, out var mapError))
        {
            WriteRdsError(mapError!);
            refused = true;
        }
        if (refused) return null;
        if (!RestoreRequest.TryCreate(sourceInstanceId, targetInstanceId, BlankAsNull(BackupId), RestoreTime, map, SystemClock.Instance, out var request, out var errors))
        {
            foreach (var error in errors)
                WriteRdsError(error.ParameterName == "DatabaseName" ? error.WithTarget(DatabaseName) : retarget?.Invoke(error) ?? error);
            return null;
        }
        return CurrentRequest = request;
    }

    /// <summary>
    /// The facts of a request, looked up with reads only (so also under -WhatIf): both instances, the backup or the
    /// restorable windows, SQL Server database names, and restores of the target still running. Null after writing
    /// why the request cannot go on (an instance or the backup does not exist).
    /// </summary>
    protected RestoreFacts? LookUpFacts(RestoreRequest request)
    {
        try
        {
            var facts = Call((client, token) => new RestoreFactsGatherer(client, Journal()).GatherAsync(request, token));
            // The busy-target check's other half: restores into this target whose outcome the journal cannot tell.
            foreach (var unresolved in facts.UnresolvedRestores ?? Array.Empty<RestoreAttempt>()) WriteWarning(unresolved.Describe());
            return facts;
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return null;
        }
    }
}
