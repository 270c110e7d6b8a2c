using System;
using System.Management.Automation;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>The time ranges an instance can be restored to, as UTC DateTimeOffset pairs.</summary>
[Cmdlet(VerbsCommon.Get, "RdsRestoreWindow")]
[OutputType(typeof(RdsRestoreWindow))]
public sealed class GetRdsRestoreWindowCommand : RdsServiceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "instance_id", "SourceInstanceId")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>Only the windows of this UTC day (the service recommends it for long retention periods).</summary>
    [Parameter]
    public DateTime? Date { get; set; }

    protected override object? ErrorTarget => InstanceId;

    private readonly InstanceNameLookup _names = new();

    protected override void ProcessInput()
    {
        if (!InputChecks.IsValidInstanceId(this, InstanceId, nameof(InstanceId))) return;
        DateTimeOffset? day = Date is null ? null : new DateTimeOffset(Date.Value.Date.Ticks, TimeSpan.Zero);
        var (windows, name) = Call((client, token) => _names.WithNameAsync(client, InstanceId, () => client.ListRestoreWindowsAsync(InstanceId, day, token), token));
        foreach (var window in windows)
        {
            window.InstanceName = name;
            WriteObject(window);
        }
    }
}
