using System.Management.Automation;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Binding;
using RdsRecovery.PowerShell.Cmdlets;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>The databases of a SQL Server instance (all pages): the names the -DatabaseName rules check against.</summary>
[Cmdlet(VerbsCommon.Get, "RdsSqlServerDatabase")]
[OutputType(typeof(RdsSqlServerDatabase))]
public sealed class GetRdsSqlServerDatabaseCommand : RdsServiceCmdlet
{
    /// <summary>An id or an exact name. Binds by property name: InstanceId, instance_id, then Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

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
        _names.Remember(KnownInstances);
        var (databases, name) = Call((client, token) => _names.WithNameAsync(client, instanceId, () => client.ListSqlServerDatabasesAsync(instanceId, token), token));
        foreach (var database in databases)
        {
            database.InstanceName = name;
            WriteObject(database);
        }
    }
}
