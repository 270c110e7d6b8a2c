namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Restores databases of a MySQL or PostgreSQL instance as they were at a point in time into the same instance under
/// new names (BatchRestoreDatabase): the originals are left as they are. One request and one job per instance.
/// </summary>
[Cmdlet(VerbsData.Restore, "RdsDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RdsRestoreJob))]
public sealed class RestoreRdsDatabaseCommand : PartialRestoreCmdlet
{
    /// <summary>Old database name to new name: @{ sales = 'sales_0301' }. Every database gets a new name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("database_name", "Databases")]
    [DatabaseMapTransformation]
    public DatabaseMapArgument DatabaseName { get; set; } = null!;

    protected override DatabaseMapArgument? MapArgument => DatabaseName;

    protected override RestoreKind Kind => RestoreKind.Database;

    protected override string MapParameter => nameof(DatabaseName);

    protected override bool NeedsEngine => false;

    protected override bool TryBuild(string instanceId, DateTimeOffset? time, List<KeyValuePair<string, string?>> map, RdsEngine engine,
        out PartialRestoreRequest? request, out IReadOnlyList<RdsError> errors)
    {
        var built = PartialRestoreRequest.TryCreateDatabases(instanceId, time, map, FastRestore, engine, SystemClock.Instance, out request, out errors);
        errors = Retarget(errors, DatabaseName.Map);
        return built;
    }

    internal static IReadOnlyList<RdsError> Retarget(IReadOnlyList<RdsError> errors, object? map) =>
        errors.Select(e => (e.Id is RdsErrorIds.InvalidDatabaseMap or RdsErrorIds.InvalidTableMap) && e.ParameterName is not ("Database" or "Schema") ? e.WithTarget(map) : e).ToList();
}
