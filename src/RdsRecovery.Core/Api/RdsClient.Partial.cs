using System.Text.Encodings.Web;
using System.Text.Json;
using RdsRecovery.Json;
using RdsRecovery.Rules;

namespace RdsRecovery.Api;

// Database- and table-level point-in-time restores and their listings (api-facts.md §2.8; shapes from the SDK models).
public sealed partial class RdsClient
{
    /// <summary>
    /// POST /v3/{project_id}/{engine}/instances/history/databases (ListHistoryDatabase): the databases that existed on
    /// these instances (all of one engine, MySQL or PostgreSQL) at <paramref name="restoreTime"/>, and the limits.
    /// </summary>
    public async Task<RdsHistoryListing> ListHistoryDatabasesAsync(RdsEngine engine, IReadOnlyList<string> instanceIds, DateTimeOffset restoreTime,
        CancellationToken cancellationToken = default)
    {
        var (root, time) = await PostHistoryAsync($"{ProjectPath}/{HistoryEngine(engine)}/instances/history/databases", instanceIds, restoreTime, null,
            cancellationToken).ConfigureAwait(false);
        var databaseLimit = root.Int("database_limit");
        var tableLimit = root.Int("table_limit");
        var databases = new List<RdsRestorableDatabase>();
        foreach (var (id, instance, database) in HistoryDatabases(root))
        {
            databases.Add(new RdsRestorableDatabase
            {
                InstanceId = id, InstanceName = instance.Str("name"), Engine = RdsEngines.DisplayName(engine), RestoreTime = time,
                Name = database.RequiredStr("name"), TotalTables = database.Int("total_tables"), DatabaseLimit = databaseLimit, TableLimit = tableLimit,
            });
        }
        return new RdsHistoryListing { DatabaseLimit = databaseLimit, TableLimit = tableLimit, Databases = databases };
    }

    /// <summary>
    /// POST /v3/{project_id}/postgresql/instances/history/tables (ListPostgresqlListHistoryTables; the SDK calls the path
    /// segment database_name but documents it as the engine): the tables of PostgreSQL instances at a point in time.
    /// <paramref name="databaseNameLike"/> is sent as the service's fuzzy filter; callers match exactly themselves.
    /// </summary>
    public async Task<RdsHistoryListing> ListHistoryTablesAsync(IReadOnlyList<string> instanceIds, DateTimeOffset restoreTime, string? databaseNameLike,
        CancellationToken cancellationToken = default)
    {
        var (root, time) = await PostHistoryAsync($"{ProjectPath}/postgresql/instances/history/tables", instanceIds, restoreTime, databaseNameLike,
            cancellationToken).ConfigureAwait(false);
        var tableLimit = root.Int("table_limit");
        var tables = new List<RdsRestorableTable>();
        foreach (var (id, instance, database) in HistoryDatabases(root))
        foreach (var schema in database.Array("schemas"))
        foreach (var table in schema.Array("tables"))
        {
            tables.Add(new RdsRestorableTable
            {
                InstanceId = id, InstanceName = instance.Str("name"), RestoreTime = time, Database = database.RequiredStr("name"),
                Schema = schema.RequiredStr("name"), Name = table.RequiredStr("name"), TableLimit = tableLimit,
            });
        }
        return new RdsHistoryListing { TableLimit = tableLimit, Tables = tables };
    }

    /// <summary>
    /// POST /v3/{project_id}/instances/fast-restore (ListInstancesSupportFastRestore, documented for MySQL): whether a
    /// database or table restore of each instance may ask for is_fast_restore at that time. The SDK types restore_time
    /// as a string "yyyy-mm-ddThh:mm:ssZ" with an offset such as +0800; it is sent in UTC as +0000.
    /// </summary>
    public async Task<IReadOnlyList<RdsFastRestoreSupport>> ListFastRestoreSupportAsync(IReadOnlyList<string> instanceIds, DateTimeOffset restoreTime,
        CancellationToken cancellationToken = default)
    {
        var uri = _http.BuildUri($"{ProjectPath}/instances/fast-restore");
        var body = Json(writer =>
        {
            writer.WriteString("restore_time", restoreTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture));
            writer.WriteStartArray("instance_ids");
            foreach (var id in instanceIds) writer.WriteStringValue(id);
            writer.WriteEndArray();
        });
        var root = await PostReadAsync(uri, body, cancellationToken).ConfigureAwait(false);
        return root.RequiredArray("support_fast_restore_list").Select(s => new RdsFastRestoreSupport
        {
            InstanceId = s.RequiredStr("instance_id"),
            Databases = s.Bool("is_support_fast_database_restore"),
            Tables = s.Bool("is_support_fast_table_restore"),
        }).ToList();
    }

    /// <summary>
    /// Posts a database or table restore with exactly these body bytes, under the same retry table as the instance
    /// restore (<see cref="RdsRetryDecisions"/>): never sent again after an unclear outcome. The job id is read from
    /// job_id (RestoreTablesNew) or from the restore_result entry of this instance (the batch APIs); an accepted answer
    /// without one is <see cref="RestoreOutcomeUnknownException"/>.
    /// </summary>
    public async Task<RdsRestoreSubmission> SubmitPartialRestoreAsync(PartialRestoreRequest request, byte[] body, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (body is null || body.Length == 0) throw new ArgumentException("The restore body is empty.", nameof(body));
        var uri = _http.BuildUri(request.Path(Connection.ProjectId));
        var submittedAt = _options.Clock();
        var (response, attempts) = await _http.PostRestoreAsync(uri, body, request.InstanceId, cancellationToken).ConfigureAwait(false);
        string jobId;
        try
        {
            var root = AnswerObject.Root(response, "POST", uri);
            jobId = root.Has("job_id") ? root.RequiredStr("job_id") : JobOfInstance(root, request.InstanceId);
        }
        catch (RdsServiceException unreadable)
        {
            throw new RestoreOutcomeUnknownException(request.InstanceId, $"HTTP {response.Status} without a readable job id", response.Status, response.RequestId, unreadable);
        }
        return new RdsRestoreSubmission
        {
            ApiVersion = request.PathTemplate.StartsWith("/v3.1/", StringComparison.Ordinal) ? RdsApiVersions.V31 : RdsApiVersions.V3,
            JobId = jobId, RequestId = response.RequestId, HttpStatus = response.Status, SubmittedAt = submittedAt, Attempts = attempts,
        };
    }

    // restore_result: [{instance_id, job_id}]. One instance is sent per request; its own entry must be there.
    private static string JobOfInstance(AnswerObject root, string instanceId)
    {
        var results = root.RequiredArray("restore_result");
        var mine = results.Where(r => string.Equals(r.Str("instance_id"), instanceId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine.Count == 0 && results.Count == 1 && results[0].Str("instance_id") is null) mine.Add(results[0]);
        if (mine.Count != 1) throw root.Invalid("restore_result", $"holds {mine.Count} entries for instance {instanceId}, not one");
        return mine[0].RequiredStr("job_id");
    }

    private async Task<AnswerObject> PostReadAsync(Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        var response = await _http.PostReadAsync(uri, body, cancellationToken).ConfigureAwait(false);
        return AnswerObject.Root(response, "POST", uri);
    }

    private static string HistoryEngine(RdsEngine engine) => engine switch
    {
        RdsEngine.MySql => "mysql",
        RdsEngine.PostgreSql => "postgresql",
        _ => throw new ArgumentException($"The service lists databases at a point in time for MySQL and PostgreSQL only, not {RdsEngines.DisplayName(engine)}.", nameof(engine)),
    };

    // A history listing's answer, and the restore time as its rows carry it: to the millisecond, as sent.
    private async Task<(AnswerObject Root, DateTimeOffset Time)> PostHistoryAsync(string path, IReadOnlyList<string> instanceIds, DateTimeOffset restoreTime,
        string? databaseNameLike, CancellationToken cancellationToken)
    {
        var uri = _http.BuildUri(path);
        var root = await PostReadAsync(uri, HistoryBody(instanceIds, restoreTime, databaseNameLike), cancellationToken).ConfigureAwait(false);
        return (root, DateTimeOffset.FromUnixTimeMilliseconds(restoreTime.ToUnixTimeMilliseconds()));
    }

    // instances: [{id, name, databases: [...]}]: each database with its instance, in the order listed (every instance needs its id).
    private static IEnumerable<(string Id, AnswerObject Instance, AnswerObject Database)> HistoryDatabases(AnswerObject root)
    {
        foreach (var instance in root.RequiredArray("instances"))
        {
            var id = instance.RequiredStr("id");
            foreach (var database in instance.Array("databases")) yield return (id, instance, database);
        }
    }

    private static byte[] HistoryBody(IReadOnlyList<string> instanceIds, DateTimeOffset restoreTime, string? databaseNameLike)
    {
        if (instanceIds is null || instanceIds.Count == 0) throw new ArgumentException("At least one instance id is required.", nameof(instanceIds));
        return Json(writer =>
        {
            writer.WriteStartArray("instance_ids");
            foreach (var id in instanceIds) writer.WriteStringValue(id);
            writer.WriteEndArray();
            writer.WriteNumber("restore_time", restoreTime.ToUnixTimeMilliseconds());
            if (!string.IsNullOrWhiteSpace(databaseNameLike)) writer.WriteString("database_name_like", databaseNameLike);
        });
    }

    private static byte[] Json(Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        // The relaxed encoder leaves '+' of the time offset as it is; these bodies carry only ids, a time and names.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
