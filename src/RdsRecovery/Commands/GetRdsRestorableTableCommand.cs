namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// The schemas and tables of a database on PostgreSQL instances at a point in time (ListPostgresqlListHistoryTables).
/// The service lists no tables at a point in time for MySQL.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RdsRestorableTable")]
[OutputType(typeof(RdsRestorableTable))]
public sealed class GetRdsRestorableTableCommand : RestorableListingCmdlet
{
    /// <summary>The database whose tables are listed (exact name).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Database { get; set; } = null!;

    /// <summary>Only schemas that match this wildcard. Default: all.</summary>
    [Parameter]
    [SupportsWildcards]
    public string Schema { get; set; } = "*";

    protected override void ProcessInput()
    {
        if (!InputAccepted()) return;
        var schemas = WildcardPattern.Get(Schema ?? "*", WildcardOptions.IgnoreCase);
        foreach (var (_, time, instances) in Groups("tables", RdsEngine.PostgreSql))
        {
            var ids = instances.Select(i => i.Id).ToList();
            var listing = Call((client, token) => client.ListHistoryTablesAsync(ids, time, Database, token));
            // The service's database filter is fuzzy: the database is matched exactly here.
            foreach (var table in listing.Tables
                .Where(t => t.Database == Database && schemas.IsMatch(t.Schema) && Matches(t.Name))
                .OrderBy(t => ids.IndexOf(t.InstanceId)).ThenBy(t => t.Schema, System.StringComparer.Ordinal).ThenBy(t => t.Name, System.StringComparer.Ordinal))
            {
                table.InstanceName ??= instances.FirstOrDefault(i => i.Id == table.InstanceId)?.Name;
                WriteObject(table);
            }
        }
    }
}
