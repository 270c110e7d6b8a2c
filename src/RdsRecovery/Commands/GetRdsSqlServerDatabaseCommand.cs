using System.Management.Automation;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>The databases of a SQL Server instance (all pages): the names the -DatabaseName rules check against.</summary>
[Cmdlet(VerbsCommon.Get, "RdsSqlServerDatabase")]
[OutputType(typeof(RdsSqlServerDatabase))]
public sealed class GetRdsSqlServerDatabaseCommand : RdsServiceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string InstanceId { get; set; } = null!;

    protected override object? ErrorTarget => InstanceId;

    private readonly InstanceNameLookup _names = new();

    protected override void ProcessInput()
    {
        if (!InputChecks.IsValidInstanceId(this, InstanceId, nameof(InstanceId))) return;
        var (databases, name) = Call((client, token) => _names.WithNameAsync(client, InstanceId, () => client.ListSqlServerDatabasesAsync(InstanceId, token), token));
        foreach (var database in databases)
        {
            database.InstanceName = name;
            WriteObject(database);
        }
    }
}
