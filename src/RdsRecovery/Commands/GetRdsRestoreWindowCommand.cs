namespace RdsRecovery.PowerShell.Commands;

/// <summary>The time ranges an instance can be restored to, as UTC DateTimeOffset pairs.</summary>
[Cmdlet(VerbsCommon.Get, "RdsRestoreWindow")]
[OutputType(typeof(RdsRestoreWindow))]
public sealed class GetRdsRestoreWindowCommand : InstanceReadCmdlet
{
    /// <summary>An id or an exact name. Binds by property name: InstanceId, instance_id, SourceInstanceId, source_instance_id, then Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "SourceInstanceId", "source_instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    /// <summary>Only the windows of this UTC day (the service recommends it for long retention periods).</summary>
    [Parameter]
    public DateTime? Date { get; set; }

    protected override string InstanceReference => InstanceId;

    protected override void ReadInstance()
    {
        var instanceId = RequestedInstanceId();
        DateTimeOffset? day = Date is null ? null : new DateTimeOffset(Date.Value.Date.Ticks, TimeSpan.Zero);
        WriteWithInstanceName(instanceId, (client, token) => client.ListRestoreWindowsAsync(instanceId, day, token), (window, name) => window.InstanceName = name);
    }
}
