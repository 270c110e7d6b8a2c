using System.Diagnostics.CodeAnalysis;
using RdsRecovery.Rules;

namespace RdsRecovery.Model;

/// <summary>
/// A database- or table-level point-in-time restore into the same instance under new names (api-facts.md §2.8): the
/// originals are left as they are, nothing existing is overwritten. Only valid requests exist: the factories check
/// the instance id, the time range and the shape of the rename map (<see cref="RenameMapRules"/>). What a new name
/// may be, and whether the old ones existed, are compatibility rules (<see cref="PartialRestoreRules"/>).
/// </summary>
public sealed partial class PartialRestoreRequest : IRestoreOperation
{
    // Only the factories build one, after validating every value.
    private PartialRestoreRequest() { }

    public RestoreKind Kind { get; private init; }
    public string InstanceId { get; private init; } = "";
    /// <summary>The point in time, in UTC to the millisecond (what is sent).</summary>
    public DateTimeOffset RestoreTime { get; private init; }
    /// <summary>Databases (Kind Database) or tables (Kind Table) to restore, old name to new name, in the order given.</summary>
    public IReadOnlyList<RestoreRename> Renames { get; private init; } = Array.Empty<RestoreRename>();
    /// <summary>Ask for the service's fast restore (is_fast_restore).</summary>
    public bool FastRestore { get; private init; }
    /// <summary>Tables: the database they are in.</summary>
    public string? Database { get; private init; }
    /// <summary>PostgreSQL tables: the schema they are in.</summary>
    public string? Schema { get; private init; }
    /// <summary>
    /// Tables: the instance's engine, which picks the API (MySQL: v3.1 RestoreTablesNew; PostgreSQL: BatchRestorePostgreSqlTables).
    /// Databases: the engine when known (one API serves both), else Unknown.
    /// </summary>
    public RdsEngine Engine { get; private init; }

    string IRestoreOperation.SourceInstanceId => InstanceId;
    string IRestoreOperation.TargetInstanceId => InstanceId;
    RestoreMode IRestoreOperation.Mode => RestoreMode.PointInTime;
    string? IRestoreOperation.BackupId => null;
    DateTimeOffset? IRestoreOperation.RestoreTime => RestoreTime;
    public long RestoreTimeUnixMilliseconds => RestoreTime.ToUnixTimeMilliseconds();
    long? IRestoreOperation.RestoreTimeUnixMilliseconds => RestoreTimeUnixMilliseconds;
    bool IRestoreOperation.IsRestoreToSource => true;

    /// <summary>A database-level restore; on refusal <paramref name="errors"/> holds every problem found.</summary>
    public static bool TryCreateDatabases(string? instanceId, DateTimeOffset? restoreTime, IEnumerable<KeyValuePair<string, string?>>? databases,
        bool fastRestore, RdsEngine engine, IClock clock, [NotNullWhen(true)] out PartialRestoreRequest? request, out IReadOnlyList<RdsError> errors)
    {
        var found = Common(instanceId, restoreTime, clock);
        var renames = ReadRenames(databases, RestoreKind.Database, found);
        return Finish(found, () => new PartialRestoreRequest
        {
            Kind = RestoreKind.Database, InstanceId = instanceId!, RestoreTime = Millis(restoreTime!.Value), Renames = renames!, FastRestore = fastRestore, Engine = engine,
        }, out request, out errors);
    }

    /// <summary>
    /// A table-level restore on an instance of <paramref name="engine"/> (MySQL or PostgreSQL; any other engine is
    /// built too, so the rules can say why it is refused). <paramref name="schema"/> is for PostgreSQL only and
    /// defaults to public there.
    /// </summary>
    public static bool TryCreateTables(string? instanceId, DateTimeOffset? restoreTime, string? database, string? schema,
        IEnumerable<KeyValuePair<string, string?>>? tables, bool fastRestore, RdsEngine engine, IClock clock,
        [NotNullWhen(true)] out PartialRestoreRequest? request, out IReadOnlyList<RdsError> errors)
    {
        var found = Common(instanceId, restoreTime, clock);
        // The rules refuse this too, but -SkipCompatibilityCheck skips them and there would be no API to send it to.
        if (engine is not (RdsEngine.MySql or RdsEngine.PostgreSql))
            found.Add(new RdsError(RdsErrorIds.OperationNotSupportedByEngine, $"Instance {instanceId} runs {RdsEngines.DisplayName(engine)}: the service offers table-level point-in-time restores for MySQL and PostgreSQL only. Nothing was sent. Restore the whole instance instead (Restore-RdsInstance).",
                instanceId, "InstanceId"));
        if (database is null || database.Trim().Length == 0)
            found.Add(new RdsError(RdsErrorIds.InvalidTableMap, "No database was given: name the database the tables are in with -Database.", database, "Database"));
        if (schema is not null && engine == RdsEngine.MySql)
            found.Add(new RdsError(RdsErrorIds.SchemaOnlyForPostgreSql, $"-Schema {DisplayText.Quote(schema)} was given, but instance {instanceId} runs {RdsEngines.DisplayName(engine)}: only PostgreSQL tables are in schemas. Leave -Schema out.",
                schema, "Schema"));
        else if (schema is not null && engine == RdsEngine.PostgreSql && schema.Trim().Length == 0)
            found.Add(new RdsError(RdsErrorIds.InvalidTableMap, "-Schema is blank: name the schema the tables are in, or leave it out for public.", schema, "Schema"));
        var renames = ReadRenames(tables, RestoreKind.Table, found);
        var effectiveSchema = engine == RdsEngine.PostgreSql ? schema ?? DefaultPostgreSqlSchema : null;
        return Finish(found, () => new PartialRestoreRequest
        {
            Kind = RestoreKind.Table, InstanceId = instanceId!, RestoreTime = Millis(restoreTime!.Value), Renames = renames!, FastRestore = fastRestore,
            Database = database!.Trim(), Schema = effectiveSchema?.Trim(), Engine = engine,
        }, out request, out errors);
    }

    /// <summary>The schema PostgreSQL tables are looked for in when -Schema is not given.</summary>
    public const string DefaultPostgreSqlSchema = "public";

    private static List<RdsError> Common(string? instanceId, DateTimeOffset? restoreTime, IClock clock)
    {
        if (clock is null) throw new ArgumentNullException(nameof(clock));
        var found = new List<RdsError>();
        if (IdentifierRules.CheckInstanceId(instanceId, "requested", "InstanceId") is { } idError) found.Add(idError);
        if (restoreTime is null)
            found.Add(new RdsError(RdsErrorIds.BackupOrRestoreTimeRequired, "No point in time was given: database and table restores need -RestoreTime (with its zone, or 'Latest').", null, "RestoreTime"));
        else if (RestoreTimeRules.Check(restoreTime.Value, clock) is { } timeError) found.Add(timeError);
        return found;
    }

    private static List<RestoreRename>? ReadRenames(IEnumerable<KeyValuePair<string, string?>>? map, RestoreKind kind, List<RdsError> found)
    {
        var parameter = kind == RestoreKind.Database ? "DatabaseName" : "Table";
        if (map is null)
        {
            found.Add(RenameMapRules.Refuse(kind, "none was given", null, parameter));
            return null;
        }
        var pairs = map.ToList();
        if (RenameMapRules.Check(pairs, kind, parameter) is { } error)
        {
            found.Add(error.WithTarget(map));
            return null;
        }
        return pairs.Select(p => new RestoreRename(p.Key.Trim(), p.Value!.Trim())).ToList();
    }

    private static bool Finish(List<RdsError> found, Func<PartialRestoreRequest> build, [NotNullWhen(true)] out PartialRestoreRequest? request,
        out IReadOnlyList<RdsError> errors)
    {
        if (found.Count > 0)
        {
            request = null;
            errors = found;
            return false;
        }
        request = build();
        errors = Array.Empty<RdsError>();
        return true;
    }

    // The wire carries milliseconds: drop finer ticks now so the request shows exactly what is sent.
    private static DateTimeOffset Millis(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>What the restore does, in words: used in confirmations and logs.</summary>
    public string Describe()
    {
        var what = Kind == RestoreKind.Database ? "databases" : $"tables of database {Where()}";
        return $"Restore {what} of instance {InstanceId} as of {RestoreTimeRules.Format(RestoreTime)} (UTC) into the same instance under new names "
            + $"(nothing existing is overwritten): {string.Join(", ", Renames)}{(FastRestore ? "; fast restore" : "")}";
    }

    private string Where() => Schema is null ? $"{Database}" : $"{Database} (schema {Schema})";

    public override string ToString() =>
        $"{InstanceId} {(Kind == RestoreKind.Database ? "databases" : "tables in " + Where())} {string.Join(", ", Renames)} (time {RestoreTimeRules.Format(RestoreTime)})";
}
