using System.Management.Automation;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Cmdlets;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>The databases of a SQL Server instance (all pages): the names the -DatabaseName rules check against.</summary>
[Cmdlet(VerbsCommon.Get, "RdsSqlServerDatabase")]
[OutputType(typeof(RdsSqlServerDatabase))]
public sealed class GetRdsSqlServerDatabaseCommand : InstanceReadCmdlet
{
    /// <summary>An id or an exact name. Binds by property name: InstanceId, instance_id, then Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("instance_id", "Id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    protected override string InstanceReference => InstanceId;

    protected override void ReadInstance()
    {
        var instanceId = RequestedInstanceId();
        WriteWithInstanceName(instanceId, (client, token) => client.ListSqlServerDatabasesAsync(instanceId, token), (database, name) => database.InstanceName = name);
    }
}
