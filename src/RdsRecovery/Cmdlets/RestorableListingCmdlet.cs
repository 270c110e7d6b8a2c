using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Binding;
using RdsRecovery.PowerShell.Completion;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

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

    /// <summary>The point in time, with its zone: a DateTimeOffset, a UTC or Local DateTime, a string with Z or an offset, or Unix milliseconds.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("restore_time")]
    [RestoreTimeTransformation]
    public DateTimeOffset? RestoreTime { get; set; }

    /// <summary>Only names that match this PowerShell wildcard (*, ?, [a-z]; any case). Default: all.</summary>
    [Parameter]
    [SupportsWildcards]
    public string Name { get; set; } = "*";

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private object? _errorTarget;

    protected override object? ErrorTarget => _errorTarget;

    /// <summary>The time to list at, or null after writing why it is refused.</summary>
    protected DateTimeOffset? CheckedTime()
    {
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return null;
        }
        if (RestoreTimeRefusals.Redeem(RestoreTime) is { } refusal)
        {
            WriteRdsError(refusal);
            return null;
        }
        if (RestoreTimeRules.Check(RestoreTime!.Value, SystemClock.Instance) is { } error)
        {
            WriteRdsError(error);
            return null;
        }
        return RestoreTime.Value.ToUniversalTime();
    }

    /// <summary>
    /// The instances of this input, grouped by engine; an instance that does not exist, or whose engine the service
    /// lists nothing for (<paramref name="engines"/>), gets its own error and is left out.
    /// </summary>
    protected IEnumerable<(RdsEngine Engine, List<RdsInstance> Instances)> InstancesByEngine(string what, params RdsEngine[] engines)
    {
        var found = new List<RdsInstance>();
        foreach (var value in InstanceId ?? Array.Empty<string>())
        {
            _errorTarget = value;
            var id = ResolveInstanceId(value, "requested", nameof(InstanceId));
            var instance = KnownInstances?.FirstOrDefault(i => i.Id == id) ?? Call((client, token) => client.GetInstanceAsync(id, token));
            if (instance is null)
            {
                WriteRdsError(new RdsError(RdsErrorIds.InstanceNotFound, RdsErrorCategory.ObjectNotFound,
                    $"The instance {id} does not exist in this project and region. List instances with Get-RdsInstance.", value, nameof(InstanceId)));
                continue;
            }
            if (!engines.Contains(RdsEngines.Parse(instance.Engine)))
            {
                WriteRdsError(new RdsError(RdsErrorIds.OperationNotSupportedByEngine, RdsErrorCategory.InvalidOperation,
                    $"Instance {instance} runs {instance.Engine}: the service lists {what} at a point in time for {string.Join(" and ", engines.Select(RdsEngines.DisplayName))} only.",
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
