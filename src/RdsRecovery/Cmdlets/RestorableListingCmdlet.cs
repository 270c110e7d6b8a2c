namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// What Get-RdsRestorableDatabase and Get-RdsRestorableTable share: instances by id or name (several, or piped), a
/// point in time with its zone, a -Name wildcard matched here, and the instances grouped by engine (the history
/// APIs take one engine per request, several instances each).
/// </summary>
public abstract class RestorableListingCmdlet : RdsServiceCmdlet
{
    /// <summary>Instance ids or exact names. Binds an instance's Id from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>
    /// The point in time, with its zone: a DateTimeOffset, a UTC or Local DateTime, a string with Z or an offset, or Unix
    /// milliseconds; or the word Latest, the end of each instance's newest restorable window.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("restore_time")]
    [RestoreTimeTransformation]
    public RestoreTimeArgument? RestoreTime { get; set; }

    /// <summary>Only names that match this PowerShell wildcard (*, ?, [a-z]; any case). Default: all.</summary>
    [Parameter]
    [SupportsWildcards]
    public string Name { get; set; } = "*";

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private object? _errorTarget;

    protected override object? ErrorTarget => _errorTarget;

    /// <summary>Whether the input may be listed; false after writing why not (nothing is read for it).</summary>
    protected bool InputAccepted()
    {
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return false;
        }
        if (RestoreTime?.Refusal is { } refusal)
        {
            WriteRdsError(refusal);
            return false;
        }
        if (RestoreTime?.Time is { } time && RestoreTimeRules.Check(time, SystemClock.Instance) is { } error)
        {
            WriteRdsError(error);
            return false;
        }
        return RestoreTime is not null;
    }

    /// <summary>The time to list an instance at: the time given, or for Latest its newest restorable moment (null after writing why not).</summary>
    protected DateTimeOffset? TimeFor(RdsInstance instance)
    {
        if (RestoreTime!.Time is { } time) return time;
        _errorTarget = instance.Id;
        try
        {
            return ResolveLatestRestoreTime(RestoreTime, instance.Id);
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return null;
        }
    }

    /// <summary>The instances grouped by engine and by the time each is listed at (one history request per group).</summary>
    protected IEnumerable<(RdsEngine Engine, DateTimeOffset Time, List<RdsInstance> Instances)> Groups(string what, params RdsEngine[] engines)
    {
        foreach (var (engine, instances) in InstancesByEngine(what, engines))
        {
            var timed = instances.Select(i => (Instance: i, Time: TimeFor(i))).Where(t => t.Time is not null).ToList();
            foreach (var group in timed.GroupBy(t => t.Time!.Value))
            {
                var listed = group.Select(t => t.Instance).ToList();
                // A failed history request is about these instances: its error record names them.
                _errorTarget = listed.Count == 1 ? listed[0].Id : listed.Select(i => i.Id).ToArray();
                yield return (engine, group.Key, listed);
            }
        }
    }

    /// <summary>
    /// The instances of this input, grouped by engine; an instance that does not exist, or whose engine the service
    /// lists nothing for (<paramref name="engines"/>), gets its own error and is left out.
    /// </summary>
    private IEnumerable<(RdsEngine Engine, List<RdsInstance> Instances)> InstancesByEngine(string what, params RdsEngine[] engines)
    {
        var found = new List<RdsInstance>();
        foreach (var value in InstanceId ?? Array.Empty<string>())
        {
            _errorTarget = value;
            var id = ResolveInstanceId(value, "requested", nameof(InstanceId));
            var instance = KnownInstances?.FirstOrDefault(i => i.Id == id) ?? Call((client, token) => client.GetInstanceAsync(id, token));
            if (instance is null)
            {
                WriteRdsError(new RdsError(RdsErrorIds.InstanceNotFound, $"The instance {id} does not exist in this project and region. List instances with Get-RdsInstance.", value, nameof(InstanceId)));
                continue;
            }
            if (!engines.Contains(RdsEngines.Parse(instance.Engine)))
            {
                WriteRdsError(new RdsError(RdsErrorIds.OperationNotSupportedByEngine, $"Instance {instance} runs {instance.Engine}: the service lists {what} at a point in time for {string.Join(" and ", engines.Select(RdsEngines.DisplayName))} only.",
                    value, nameof(InstanceId)));
                continue;
            }
            if (found.All(f => f.Id != instance.Id)) found.Add(instance);
        }
        _errorTarget = null;
        return found.GroupBy(i => RdsEngines.Parse(i.Engine)).Select(g => (g.Key, g.ToList()));
    }

    /// <summary>Whether a name matches -Name.</summary>
    protected bool Matches(string name) => WildcardPattern.Get(Name ?? "*", WildcardOptions.IgnoreCase).IsMatch(name);
}
