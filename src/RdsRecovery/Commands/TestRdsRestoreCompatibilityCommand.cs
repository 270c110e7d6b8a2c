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

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Checks whether a restore from one instance into another would pass every compatibility rule.</para>
/// <para type="description">Builds the restore request (validating its input), then evaluates the compatibility rules
/// from the facts given. Facts it was not given are reported as NotChecked, never as failures.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RdsRestoreCompatibility", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(CompatibilityReport))]
[OutputType(typeof(bool))]
public sealed class TestRdsRestoreCompatibilityCommand : RdsServiceCmdlet
{
    /// <summary>Instances passed as objects; checked offline.</summary>
    public const string ByObjectSet = "ByObject";
    /// <summary>Instances named by id; the facts are looked up from the service (reads only).</summary>
    public const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByObjectSet)]
    [Alias("Source")]
    public object SourceInstance { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByObjectSet)]
    [Alias("Target")]
    public object TargetInstance { get; set; } = null!;

    /// <summary>The backup to restore. Blank (an empty CSV cell) means none.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("InstanceId", "instance_id", "source_instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string SourceInstanceId { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("target_instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string TargetInstanceId { get; set; } = null!;

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

    /// <summary>Return only $true (no rule failed) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessInput()
    {
        var report = Check();
        if (Quiet) WriteObject(report?.IsCompatible ?? false);
        else if (report is not null) WriteObject(report);
    }

    /// <summary>The report for the current input, or null after writing why the input was refused.</summary>
    private CompatibilityReport? Check() => ParameterSetName == ByIdSet ? CheckById() : CheckObjects();

    /// <summary>By id: validate the input, look the facts up, evaluate every rule.</summary>
    private CompatibilityReport? CheckById()
    {
        var refused = false;
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
        if (!RestoreRequest.TryCreate(SourceInstanceId, TargetInstanceId, BlankAsNull(BackupId), RestoreTime, map, SystemClock.Instance, out var request, out var errors))
        {
            foreach (var error in errors) WriteRdsError(error.ParameterName == "DatabaseName" ? error.WithTarget(DatabaseName) : error);
            return null;
        }
        _current = request;
        RestoreFacts facts;
        try
        {
            facts = Call((client, token) => new RestoreFactsGatherer(client, RestoreJournal.Default()).GatherAsync(request, token));
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return null;
        }
        var report = CompatibilityRules.Evaluate(request, facts);
        WriteVerbose(report.ToString());
        return report;
    }

    private RestoreRequest? _current;
    protected override object? ErrorTarget => _current;

    /// <summary>By object: the two instances are the only facts.</summary>
    private CompatibilityReport? CheckObjects()
    {
        var refused = false;
        if (!InstanceObjectReader.TryRead(SourceInstance, "source", nameof(SourceInstance), out var source, out var sourceError))
        {
            WriteRdsError(sourceError!);
            refused = true;
        }
        if (!InstanceObjectReader.TryRead(TargetInstance, "target", nameof(TargetInstance), out var target, out var targetError))
        {
            WriteRdsError(targetError!);
            refused = true;
        }
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

        if (!RestoreRequest.TryCreate(source!.Id, target!.Id, BlankAsNull(BackupId), RestoreTime, map, SystemClock.Instance, out var request, out var errors))
        {
            foreach (var error in errors) WriteRdsError(Retarget(error));
            return null;
        }
        var report = CompatibilityRules.Evaluate(request, GatherFacts(source, target));
        WriteVerbose(report.ToString());
        return report;
    }

    /// <summary>The facts the rules are evaluated on. Offline: the two instance objects, nothing else.</summary>
    private static RestoreFacts GatherFacts(RdsInstance source, RdsInstance target) =>
        new RestoreFacts { Source = source, Target = target, Clock = SystemClock.Instance };

    /// <summary>Points an id refusal at the parameter the user actually gave (the instance object, not an id parameter).</summary>
    private RdsError Retarget(RdsError error) => error.ParameterName switch
    {
        "SourceInstanceId" => new RdsError(error.Id, error.Category, error.Message, error.TargetObject, nameof(SourceInstance)),
        "TargetInstanceId" => new RdsError(error.Id, error.Category, error.Message, error.TargetObject, nameof(TargetInstance)),
        "DatabaseName" => error.WithTarget(DatabaseName),
        _ => error,
    };
}
