namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// The databases that existed on MySQL or PostgreSQL instances at a point in time (ListHistoryDatabase), with their
/// table counts and the service's limits on one restore (database_limit, table_limit).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RdsRestorableDatabase")]
[OutputType(typeof(RdsRestorableDatabase))]
public sealed class GetRdsRestorableDatabaseCommand : RestorableListingCmdlet
{
    protected override void ProcessInput()
    {
        if (!InputAccepted()) return;
        foreach (var (engine, time, instances) in Groups("databases", RdsEngine.MySql, RdsEngine.PostgreSql))
        {
            var ids = instances.Select(i => i.Id).ToList();
            var listing = Call((client, token) => client.ListHistoryDatabasesAsync(engine, ids, time, token));
            foreach (var database in listing.Databases.Where(d => Matches(d.Name)).OrderBy(d => ids.IndexOf(d.InstanceId)).ThenBy(d => d.Name, System.StringComparer.Ordinal))
            {
                database.InstanceName ??= instances.FirstOrDefault(i => i.Id == database.InstanceId)?.Name;
                WriteObject(database);
            }
        }
    }
}
