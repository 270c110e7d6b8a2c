using System;
using System.Management.Automation;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Binding;
using RdsRecovery.PowerShell.Cmdlets;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>The time ranges an instance can be restored to, as UTC DateTimeOffset pairs.</summary>
[Cmdlet(VerbsCommon.Get, "RdsRestoreWindow")]
[OutputType(typeof(RdsRestoreWindow))]
public sealed class GetRdsRestoreWindowCommand : RdsServiceCmdlet
{
    /// <summary>An id or an exact name. Binds by property name: InstanceId, instance_id, SourceInstanceId, source_instance_id, then Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "SourceInstanceId", "source_instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>Only the windows of this UTC day (the service recommends it for long retention periods).</summary>
    [Parameter]
    public DateTime? Date { get; set; }

    protected override object? ErrorTarget => InstanceId;

    private readonly InstanceNameLookup _names = new();

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }


    protected override void ProcessInput()
    {
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return;
        }
        var instanceId = ResolveInstanceId(InstanceId, "requested", nameof(InstanceId));
        DateTimeOffset? day = Date is null ? null : new DateTimeOffset(Date.Value.Date.Ticks, TimeSpan.Zero);
        _names.Remember(KnownInstances);
        var (windows, name) = Call((client, token) => _names.WithNameAsync(client, instanceId, () => client.ListRestoreWindowsAsync(instanceId, day, token), token));
        foreach (var window in windows)
        {
            window.InstanceName = name;
            WriteObject(window);
        }
    }
}
