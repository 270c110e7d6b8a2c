using RdsRecovery.Instances;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// What Restore-RdsDatabase and Restore-RdsTable share, in the instance restore's order: validate the input, look up
/// the facts (reads only), evaluate the rules, confirm with the exact body, send once through the journalled
/// submitter, then write the job (or wait for every job of the pipeline). One request and one job per instance.
/// </summary>
public abstract class PartialRestoreCmdlet : RestoreSubmittingCmdlet
{
    /// <summary>Instance ids or exact names; several go one request each. Binds an instance's Id from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>
    /// The point in time, with its zone: a DateTimeOffset, a UTC or Local DateTime, a string with Z or an offset, or Unix
    /// milliseconds; or the word Latest, the end of the instance's newest restorable window, read per instance.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("restore_time")]
    [RestoreTimeTransformation]
    public RestoreTimeArgument? RestoreTime { get; set; }

    /// <summary>Ask for the service's fast restore (is_fast_restore); checked against ListInstancesSupportFastRestore first.</summary>
    [Parameter]
    public SwitchParameter FastRestore { get; set; }

    /// <summary>Skip the rules (not the input validation), for the rare case the service knows better.</summary>
    [Parameter]
    public SwitchParameter SkipCompatibilityCheck { get; set; }

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private object? _errorTarget;

    protected override object? ErrorTarget => _errorTarget;

    /// <summary>The rename map as bound (a refusal travels inside it, see BoundArgument).</summary>
    protected abstract DatabaseMapArgument? MapArgument { get; }

    /// <summary>Databases or tables.</summary>
    protected abstract RestoreKind Kind { get; }

    /// <summary>The parameter the rename map came from, and its value as given (the target of a refusal).</summary>
    protected abstract string MapParameter { get; }


    /// <summary>Whether the request needs the instance's engine before it is built (table restores pick their API by it).</summary>
    protected abstract bool NeedsEngine { get; }

    /// <summary>Builds the request for one instance; false after <paramref name="errors"/> says why not.</summary>
    protected abstract bool TryBuild(string instanceId, DateTimeOffset? time, List<KeyValuePair<string, string?>> map, RdsEngine engine,
        out PartialRestoreRequest? request, out IReadOnlyList<RdsError> errors);

    protected override void ProcessInput()
    {
        ThrowIfWaitSettingsInvalid();
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return;
        }
        // Refusals made while binding (see BoundArgument) are written here, for this input, with the others.
        var refused = false;
        foreach (var bindingRefusal in new[] { RestoreTime?.Refusal, MapArgument?.Refusal })
        {
            if (bindingRefusal is null) continue;
            WriteRdsError(ForKind(bindingRefusal));
            refused = true;
        }
        List<KeyValuePair<string, string?>>? map = null;
        if (MapArgument?.Map is { } given)
        {
            if (!DatabaseMapReader.TryRead(given, out map, out var readError))
                WriteRdsError(ForKind(readError!));
            else if (RenameMapRules.Check(map!, Kind, MapParameter) is { } mapError)
            {
                WriteRdsError(mapError.WithTarget(given));
                map = null;
            }
        }
        if (RestoreTime?.Time is { } time && RestoreTimeRules.Check(time, SystemClock.Instance) is { } rangeError)
        {
            WriteRdsError(rangeError);
            refused = true;
        }
        // Input refused here is refused before any read: nothing about the instances is looked up for it.
        if (refused || map is null || RestoreTime is null) return;
        foreach (var value in InstanceId ?? Array.Empty<string>()) RestoreOne(value, map);
    }

    /// <summary>The shared map reader speaks of a database map; for -Table its refusal is a table map's (InvalidTableMap).</summary>
    private RdsError ForKind(RdsError error) => Kind == RestoreKind.Table && error.Id == RdsErrorIds.InvalidDatabaseMap
        ? new RdsError(RdsErrorIds.InvalidTableMap, error.Message.Replace("database map", "table map"), error.TargetObject, MapParameter)
        : error;

    private void RestoreOne(string value, List<KeyValuePair<string, string?>> map)
    {
        _errorTarget = value;
        if (InstanceReferenceResolver.CheckShape(value, "requested", nameof(InstanceId)) is { } shape)
        {
            WriteRdsError(shape);
            return;
        }
        var offline = Connection is null && RdsSession.DefaultConnection is null;
        if (offline && (NeedsEngine || !ConfirmationPrompt.IsWhatIf(this))) ResolveConnection();
        var instanceId = ResolveInstanceId(value, "requested", nameof(InstanceId), allowOffline: true);
        var instance = offline ? null : KnownInstances?.FirstOrDefault(i => i.Id == instanceId) ?? Call((client, token) => client.GetInstanceAsync(instanceId, token));
        if (!offline && instance is null)
        {
            WriteRdsError(new RdsError(RdsErrorIds.InstanceNotFound, $"The instance {instanceId} does not exist in this project and region. Nothing was sent. List instances with Get-RdsInstance.", instanceId, nameof(InstanceId)));
            return;
        }
        var engine = RdsEngines.Parse(instance?.Engine);
        var time = RestoreTime!.Time;
        if (RestoreTime.IsLatest)
        {
            try
            {
                time = ResolveLatestRestoreTime(RestoreTime, instanceId);
            }
            catch (RdsValidationException ex)
            {
                foreach (var error in ex.Errors) WriteRdsError(error);
                return;
            }
        }
        if (!TryBuild(instanceId, time, map, engine, out var request, out var errors))
        {
            foreach (var error in errors) WriteRdsError(error);
            return;
        }
        _errorTarget = request;
        var report = Check(request!, offline);
        if (report is null) return;
        if (!Confirm(request!, instance, report)) return;
        var job = Submit(request!, instance, report);
        if (job is not null) Deliver(job);
    }

    /// <summary>The rules' report, or null after writing why the restore is refused. Skipped rules give an empty report.</summary>
    private CompatibilityReport? Check(PartialRestoreRequest request, bool offline)
    {
        if (SkipCompatibilityCheck)
        {
            WriteVerbose("Rules skipped (-SkipCompatibilityCheck); the input was validated.");
            return new CompatibilityReport(request, null, null, Array.Empty<RuleResult>(), DateTimeOffset.UtcNow);
        }
        PartialRestoreFacts facts;
        if (offline)
        {
            WriteVerbose("Not connected: the rules are not checked (every rule reports NotChecked). Connect-RdsAccount to check them.");
            facts = new PartialRestoreFacts();
        }
        else
        {
            try
            {
                facts = Call((client, token) => new PartialRestoreFactsGatherer(client, Journal()).GatherAsync(request, token));
            }
            catch (RdsValidationException ex)
            {
                foreach (var error in ex.Errors) WriteRdsError(error);
                return null;
            }
            foreach (var unresolved in facts.UnresolvedRestores ?? Array.Empty<Journal.RestoreAttempt>()) WriteWarning(unresolved.Describe());
        }
        var report = PartialRestoreRules.Evaluate(request, facts);
        return RestoreSending.WriteVerdict(this, report) ? report : null;
    }

    /// <summary>Medium impact: nothing existing is overwritten. The words name the instance, the copies and the exact body.</summary>
    private bool Confirm(PartialRestoreRequest request, RdsInstance? instance, CompatibilityReport report)
    {
        var label = instance is not null && instance.Name.Length > 0 ? $"{instance.Name} ({request.InstanceId})" : $"instance {request.InstanceId}";
        var noun = request.Kind == RestoreKind.Table ? "tables" : "databases";
        var rules = report.Rules.Count == 0 ? "rules skipped" : $"rule profile {report.RuleProfile}";
        var body = request.ToJson();
        var sending = $"{rules}. Body of POST {request.PathTemplate}: {body}";
        return ConfirmationPrompt.Ask(this, Force,
            $"{label}: {request.Describe()}. {sending}",
            $"{label}: restore {noun} as of {RestoreTimeRules.Format(request.RestoreTime)} (UTC) as new {noun}: {string.Join(", ", request.Renames)}. Body: {body}",
            $"Restore {noun} into {label}", request, request.ToString());
    }

    private RdsRestoreJob? Submit(PartialRestoreRequest request, RdsInstance? instance, CompatibilityReport report)
    {
        RdsRuleProfile? profile = report.Rules.Count == 0 ? null : report.RuleProfile;
        var job = Call((client, token) => new RestoreSubmitter(client, Journal(), message => PostCallback(() => WriteWarning(message)))
            .SubmitAsync(request, token, profile));
        job.TargetInstanceName = instance?.Name;
        RdsSession.RememberJob(job.JobId);
        WriteVerbose($"Submitted: job {job.JobId} (request id {job.RequestId}). Follow it with Get-RdsRestoreJob -JobId {job.JobId} | Wait-RdsRestoreJob.");
        return job;
    }
}
