namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Lists instances (all pages), filtered by name with PowerShell wildcards; or reads the ones named by id or exact
/// name, from parameters or the pipeline.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RdsInstance", DefaultParameterSetName = ListSet)]
[OutputType(typeof(RdsInstance))]
public sealed class GetRdsInstanceCommand : RdsServiceCmdlet
{
    public const string ListSet = "List";
    public const string ByIdSet = "ById";

    /// <summary>
    /// Names, as PowerShell wildcards (case-insensitive *, ?, [a-z]), matched here: the service's own name filter is
    /// case-sensitive and knows only a leading *. A value that is exactly an instance id finds that instance too.
    /// </summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InstanceNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("MySQL", "PostgreSQL", "SQLServer", "MariaDB", IgnoreCase = true)]
    public string? Engine { get; set; }

    /// <summary>Ids or exact names.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [Alias("instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>
    /// What is piped: a string is an id or exact name; an object gives its InstanceId, instance_id or Id, in that order
    /// (so a backup, window or database gives its instance, an instance its own id); a restore job is refused.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedSet, DontShow = true)]
    public PSObject InputObject { get; set; } = null!;

    private const string PipedSet = "Piped";

    private object? _current;
    protected override object? ErrorTarget => _current;

    protected override void ProcessInput()
    {
        if (ParameterSetName == ListSet)
        {
            WriteList();
            return;
        }
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return;
        }
        var values = ParameterSetName == ByIdSet ? InstanceId : PipelineInput.InstanceIdOf(InputObject) is { } piped ? new[] { piped } : null;
        if (values is null)
        {
            WriteRdsError(PipelineInput.Refused(InputObject,
                "The piped object has no instance id (InstanceId, instance_id or Id), and a row naming a source and a target is not guessed between."));
            return;
        }
        foreach (var value in values) WriteOne(value);
    }

    private void WriteOne(string value)
    {
        _current = value;
        string id;
        try
        {
            id = ResolveInstanceId(value, "requested", nameof(InstanceId));
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) WriteRdsError(error);
            return;
        }
        var instance = Call((client, token) => client.GetInstanceAsync(id, token));
        if (instance is null) InputChecks.WriteInstanceNotFound(this, id);
        else WriteObject(instance);
    }

    /// <summary>Every instance (of the engine), then the -Name filter; a plain name that matches nothing is an error, as Get-Process.</summary>
    private void WriteList()
    {
        var filter = new RdsInstanceFilter { Engine = RdsEngines.ServiceSpelling(Engine) };
        var all = Call((client, token) => client.ListInstancesAsync(filter, token));
        var names = Name?.Where(n => !string.IsNullOrEmpty(n)).ToArray() ?? Array.Empty<string>();
        if (names.Length == 0)
        {
            foreach (var instance in all) WriteObject(instance);
            return;
        }
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var matches = Matching(all, name).ToList();
            foreach (var instance in matches) wanted.Add(instance.Id);
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                _current = name;
                WriteRdsError(new RdsError(RdsErrorIds.InstanceNotFound,
                    $"No instance is named '{name}' (or has that id) in this project and region{(Engine is null ? "" : $" among {RdsEngines.ServiceSpelling(Engine)} instances")}.",
                    name, nameof(Name)));
            }
        }
        foreach (var instance in all.Where(i => wanted.Contains(i.Id))) WriteObject(instance);
    }

    private static IEnumerable<RdsInstance> Matching(IReadOnlyList<RdsInstance> all, string name)
    {
        var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return all.Where(i => pattern.IsMatch(i.Name) || string.Equals(i.Id, name, StringComparison.Ordinal));
    }
}
