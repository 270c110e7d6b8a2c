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
        // The service's database list answers for MySQL and PostgreSQL too, in their own shape: an instance of another
        // engine is refused rather than listed as if it were SQL Server (with a blank state).
        var instance = KnownInstances?.FirstOrDefault(i => i.Id == instanceId) ?? Call((client, token) => client.GetInstanceAsync(instanceId, token));
        var engine = RdsEngines.Parse(instance?.Engine);
        if (instance is not null && engine != RdsEngine.SqlServer && engine != RdsEngine.Unknown)
        {
            WriteRdsError(new RdsError(RdsErrorIds.OperationNotSupportedByEngine,
                $"Instance {instance} runs {RdsEngines.DisplayName(engine)}: Get-RdsSqlServerDatabase lists the databases of SQL Server instances only. " +
                "For MySQL and PostgreSQL, Get-RdsRestorableDatabase lists the databases an instance had at a point in time.",
                InstanceReference, nameof(InstanceId)));
            return;
        }
        RememberInstance(instance);
        WriteWithInstanceName(instanceId, (client, token) => client.ListSqlServerDatabasesAsync(instanceId, token), (database, name) => database.InstanceName = name);
    }
}
