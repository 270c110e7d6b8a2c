using RdsRecovery.Journal;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Checks whether a restore from one instance into another would pass every compatibility rule: builds the restore
/// request (validating its input), then evaluates the rules from the facts given. Facts it was not given are reported
/// as NotChecked, never as failures.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RdsRestoreCompatibility", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(CompatibilityReport))]
[OutputType(typeof(bool))]
public sealed class TestRdsRestoreCompatibilityCommand : RestoreRequestCmdlet
{
    /// <summary>Instances passed as objects; checked offline.</summary>
    public const string ByObjectSet = "ByObject";
    /// <summary>Instances named by id; the facts are looked up from the service (reads only).</summary>
    public const string ByIdSet = IdSet;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByObjectSet)]
    [Alias("Source")]
    public object SourceInstance { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByObjectSet)]
    [Alias("Target")]
    public object TargetInstance { get; set; } = null!;

    /// <summary>The rules to apply: Seed (the seed spec, v3) or V31 (the v3.1 documents). By default the connection's API version decides (offline: RDSRECOVERY_API_VERSION, else Seed).</summary>
    [Parameter]
    public RdsRuleProfile? RuleProfile { get; set; }

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
        var request = BuildRequest(SourceInstanceId, TargetInstanceId);
        var facts = request is null ? null : new RestoreSending(this).LookUpFacts(request, RuleProfile is { } p ? RestoreRuleProfiles.Get(p) : null);
        return facts is null ? null : Evaluate(request!, facts);
    }

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
        var request = BuildRequest(source?.Id, target?.Id, refused, Retarget, resolveNames: false);
        return request is null ? null : Evaluate(request, new RestoreFacts { Source = source, Target = target, Clock = SystemClock.Instance, Profile = OfflineProfile() });
    }

    /// <summary>Offline: -RuleProfile, else the session connection's, else the one RDSRECOVERY_API_VERSION names, else Seed.</summary>
    private RestoreRuleProfile OfflineProfile()
    {
        if (RuleProfile is { } explicitProfile) return RestoreRuleProfiles.Get(explicitProfile);
        var connection = Connection ?? RdsSession.DefaultConnection;
        if (connection is not null) return RestoreRuleProfiles.ForApiVersion(connection.RestoreApiVersion);
        try { return RestoreRuleProfiles.ForApiVersion(Api.RdsApiVersions.Resolve(null)); }
        catch (RdsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, null));
            throw;
        }
    }

    private CompatibilityReport Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var report = CompatibilityRules.Evaluate(request, facts);
        WriteVerbose(report.ToString());
        RestoreSending.WriteUnverified(this, report);
        return report;
    }

    /// <summary>Points an id refusal at the parameter the user actually gave (the instance object, not an id parameter).</summary>
    private RdsError Retarget(RdsError error) => error.ParameterName switch
    {
        "SourceInstanceId" => error.WithParameterName(nameof(SourceInstance)),
        "TargetInstanceId" => error.WithParameterName(nameof(TargetInstance)),
        _ => error,
    };
}
