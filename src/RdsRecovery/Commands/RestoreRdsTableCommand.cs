namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Restores tables of one database as they were at a point in time into the same database under new names: MySQL
/// through the v3.1 table API (RestoreTablesNew), PostgreSQL through the batch table API in a schema (public unless
/// -Schema). One request and one job per instance.
/// </summary>
[Cmdlet(VerbsData.Restore, "RdsTable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RdsRestoreJob))]
public sealed class RestoreRdsTableCommand : PartialRestoreCmdlet
{
    /// <summary>The database the tables are in.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Database { get; set; } = null!;

    /// <summary>Old table name to new name: @{ orders = 'orders_0301' }.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("tables")]
    [DatabaseMapTransformation]
    public DatabaseMapArgument Table { get; set; } = null!;

    protected override DatabaseMapArgument? MapArgument => Table;

    /// <summary>PostgreSQL: the schema the tables are in (default public). Refused for MySQL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Schema { get; set; }

    protected override RestoreKind Kind => RestoreKind.Table;

    protected override string MapParameter => nameof(Table);

    protected override bool NeedsEngine => true;

    protected override bool TryBuild(string instanceId, DateTimeOffset? time, List<KeyValuePair<string, string?>> map, RdsEngine engine,
        out PartialRestoreRequest? request, out IReadOnlyList<RdsError> errors)
    {
        var built = PartialRestoreRequest.TryCreateTables(instanceId, time, Database, Schema, map, FastRestore, engine, SystemClock.Instance, out request, out errors);
        errors = RestoreRdsDatabaseCommand.Retarget(errors, Table.Map);
        return built;
    }
}
