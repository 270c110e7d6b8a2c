using System.Management.Automation;
using RdsRecovery.Api;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>Lists instances (all pages), or reads the ones named by id.</summary>
[Cmdlet(VerbsCommon.Get, "RdsInstance", DefaultParameterSetName = ListSet)]
[OutputType(typeof(RdsInstance))]
public sealed class GetRdsInstanceCommand : RdsServiceCmdlet
{
    public const string ListSet = "List";
    public const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("instance_id")]
    [ArgumentCompleter(typeof(InstanceIdCompleter))]
    public string[] InstanceId { get; set; } = null!;

    /// <summary>An exact name, or a name starting with * for the service's fuzzy match.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("MySQL", "PostgreSQL", "SQLServer", "MariaDB", IgnoreCase = true)]
    public string? Engine { get; set; }

    private string? _current;
    protected override object? ErrorTarget => _current;

    protected override void ProcessInput()
    {
        if (ParameterSetName == ListSet)
        {
            // '-Name *' means every name in PowerShell; the API refuses '*' alone, so send no name filter.
            var name = string.IsNullOrWhiteSpace(Name) || Name!.Trim() == "*" ? null : Name;
            var filter = new RdsInstanceFilter { Name = name, Engine = CanonicalEngine(Engine) };
            foreach (var instance in Call((client, token) => client.ListInstancesAsync(filter, token))) WriteObject(instance);
            return;
        }
        foreach (var id in InstanceId)
        {
            _current = id;
            if (!InputChecks.IsValidInstanceId(this, id, nameof(InstanceId))) continue;
            var instance = Call((client, token) => client.GetInstanceAsync(id, token));
            if (instance is null) InputChecks.WriteInstanceNotFound(this, id);
            else WriteObject(instance);
        }
    }

    // The API's datastore_type filter is case-sensitive; ValidateSet is not.
    private static string? CanonicalEngine(string? engine) => engine?.ToUpperInvariant() switch
    {
        null => null,
        "MYSQL" => "MySQL",
        "POSTGRESQL" => "PostgreSQL",
        "SQLSERVER" => "SQLServer",
        "MARIADB" => "MariaDB",
        _ => engine,
    };
}
