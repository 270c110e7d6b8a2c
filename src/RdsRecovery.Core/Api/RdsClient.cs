using System.Text.Json;
using RdsRecovery.Json;

namespace RdsRecovery.Api;

/// <summary>
/// The typed RDS v3 client: signed requests, transparent paging, bounded retries (never a second restore POST
/// after an unclear outcome). Thread-safe; dispose when done (the shared connection pool stays).
/// </summary>
public sealed partial class RdsClient : IDisposable
{
    /// <summary>Page size of offset/limit and page/limit lists (the API's maximum).</summary>
    public const int PageSize = 100;

    // A service that ignores offset would otherwise make us loop forever.
    private const int MaxPages = 1_000;

    private readonly RdsHttp _http;
    private readonly RdsClientOptions _options;

    public RdsClient(RdsConnection connection, RdsClientOptions? options = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _options = options ?? new RdsClientOptions();
        _http = new RdsHttp(connection, _options);
    }

    public RdsConnection Connection { get; }

    private string ProjectPath => "/v3/" + Uri.EscapeDataString(Connection.ProjectId);

    public void Dispose() => _http.Dispose();

    /// <summary>GET /v3/{project_id}/instances, every page.</summary>
    public Task<IReadOnlyList<RdsInstance>> ListInstancesAsync(RdsInstanceFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (filter?.Name is "*") throw new ArgumentException("A name filter of '*' alone is not allowed; use '*part' for a fuzzy match, or no name.", nameof(filter));
        var query = new List<KeyValuePair<string, string?>>
        {
            new("id", Blank(filter?.Id)), new("name", Blank(filter?.Name)), new("datastore_type", Blank(filter?.Engine)),
        };
        return PageByOffsetAsync(ProjectPath + "/instances", query, "instances", RdsJsonMapper.Instance, cancellationToken);
    }

    /// <summary>GET /v3/{project_id}/instances?limit=1: the cheapest signed read, proving endpoint, project and credentials.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        var uri = _http.BuildUri(ProjectPath + "/instances", new List<KeyValuePair<string, string?>> { new("limit", "1") });
        var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        AnswerObject.Root(response, "GET", uri).RequiredArray("instances");
    }

    /// <summary>The instance with this id, or null when it does not exist.</summary>
    public async Task<RdsInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        Require(instanceId, nameof(instanceId));
        try
        {
            var list = await ListInstancesAsync(new RdsInstanceFilter { Id = instanceId }, cancellationToken).ConfigureAwait(false);
            return list.FirstOrDefault(i => string.Equals(i.Id, instanceId, StringComparison.OrdinalIgnoreCase));
        }
        catch (RdsServiceException ex) when (ex.Kind == RdsErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>GET /v3/{project_id}/backups, every page.</summary>
    public Task<IReadOnlyList<RdsBackup>> ListBackupsAsync(RdsBackupFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter is null) throw new ArgumentNullException(nameof(filter));
        Require(filter.InstanceId, "filter.InstanceId");
        if ((filter.BeginTime is null) != (filter.EndTime is null))
            throw new ArgumentException("The backup list takes a begin time and an end time together, or neither.", nameof(filter));
        if (filter.BeginTime is not null && filter.EndTime <= filter.BeginTime)
            throw new ArgumentException("The end time must be later than the begin time.", nameof(filter));
        var query = new List<KeyValuePair<string, string?>>
        {
            new("instance_id", filter.InstanceId), new("backup_id", Blank(filter.BackupId)), new("backup_type", Blank(filter.BackupType)),
            new("begin_time", filter.BeginTime is DateTimeOffset b ? RdsTimestamp.FormatQuery(b) : null),
            new("end_time", filter.EndTime is DateTimeOffset e ? RdsTimestamp.FormatQuery(e) : null),
        };
        return PageByOffsetAsync(ProjectPath + "/backups", query, "backups", RdsJsonMapper.Backup, cancellationToken);
    }

    /// <summary>GET /v3/{project_id}/instances/{id}/restore-time: the restorable ranges, in UTC. <paramref name="date"/> is taken as its UTC date.</summary>
    public async Task<IReadOnlyList<RdsRestoreWindow>> ListRestoreWindowsAsync(string instanceId, DateTimeOffset? date = null, CancellationToken cancellationToken = default)
    {
        Require(instanceId, nameof(instanceId));
        var query = new List<KeyValuePair<string, string?>>
        {
            new("date", date is DateTimeOffset d ? d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
        };
        var uri = _http.BuildUri($"{ProjectPath}/instances/{Uri.EscapeDataString(instanceId)}/restore-time", query);
        var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var root = AnswerObject.Root(response, "GET", uri);
        if (!root.Has("restore_time")) throw root.Invalid("restore_time", "is missing");
        return root.Array("restore_time").Select(w => RdsJsonMapper.Window(instanceId, w)).ToList();
    }

    /// <summary>GET /v3/{project_id}/instances/{id}/database/detail, every page (page/limit), system databases included.</summary>
    public async Task<IReadOnlyList<RdsSqlServerDatabase>> ListSqlServerDatabasesAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        Require(instanceId, nameof(instanceId));
        var path = $"{ProjectPath}/instances/{Uri.EscapeDataString(instanceId)}/database/detail";
        var result = new List<RdsSqlServerDatabase>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var query = new List<KeyValuePair<string, string?>>
            {
                new("page", page.ToString(CultureInfo.InvariantCulture)), new("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            var uri = _http.BuildUri(path, query);
            var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var root = AnswerObject.Root(response, "GET", uri);
            var items = root.RequiredArray("databases");
            result.AddRange(items.Select(d => RdsJsonMapper.Database(instanceId, d)));
            if (Done(items.Count, result.Count, root.Long("total_count"))) return result;
        }
        throw Invalid("GET", _http.BuildUri(path), null, $"paging did not end after {MaxPages} pages");
    }

    /// <summary>The restore API version this client posts to: the options' if set, else the connection's.</summary>
    public RdsRestoreApiVersion RestoreApiVersion => _options.RestoreApiVersion ?? Connection.RestoreApiVersion;

    /// <summary>
    /// POST /v3/{project_id}/instances/recovery (or /v3.1/, see <see cref="RdsClientOptions.RestoreApiVersion"/>) with exactly these body bytes (JSON). Sent again only when the
    /// request never reached the service's decision (429, or a connection refused); a busy refusal is final (RdsResourceBusy); after a timeout, a dropped connection, a
    /// 5xx or an unreadable 2xx it throws <see cref="RestoreOutcomeUnknownException"/> instead.
    /// </summary>
    public async Task<RdsRestoreSubmission> SubmitRestoreAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        if (body is null || body.Length == 0) throw new ArgumentException("The restore body is empty.", nameof(body));
        var target = TargetOf(body);
        var uri = _http.BuildUri("/" + RdsApiVersions.Name(RestoreApiVersion) + "/" + Uri.EscapeDataString(Connection.ProjectId) + "/instances/recovery");
        var submittedAt = _options.Clock();
        var (response, attempts) = await _http.PostRestoreAsync(uri, body, target, cancellationToken).ConfigureAwait(false);
        string jobId;
        try
        {
            jobId = AnswerObject.Root(response, "POST", uri).RequiredStr("job_id");
        }
        catch (RdsServiceException unreadable)
        {
            // The service may well have accepted the restore: unknown, never refused, never sent again.
            throw new RestoreOutcomeUnknownException(target, $"HTTP {response.Status} without a readable job_id", response.Status, response.RequestId, unreadable);
        }
        return new RdsRestoreSubmission
        {
            ApiVersion = RdsApiVersions.Name(RestoreApiVersion),
            JobId = jobId, RequestId = response.RequestId, HttpStatus = response.Status, SubmittedAt = submittedAt, Attempts = attempts,
        };
    }

    /// <summary>The restore body as a JSON string, sent as its UTF-8 bytes.</summary>
    public Task<RdsRestoreSubmission> SubmitRestoreAsync(string jsonBody, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(jsonBody)) throw new ArgumentException("The restore body is empty.", nameof(jsonBody));
        return SubmitRestoreAsync(new UTF8Encoding(false).GetBytes(jsonBody), cancellationToken);
    }

    /// <summary>
    /// GET /v3/{project_id}/jobs?id={jobId}. A job not (yet) visible throws <see cref="RdsServiceException"/>
    /// with <see cref="RdsServiceException.IsJobNotFound"/> set.
    /// </summary>
    public async Task<RdsJobInfo> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        Require(jobId, nameof(jobId));
        var uri = _http.BuildUri(ProjectPath + "/jobs", new[] { new KeyValuePair<string, string?>("id", jobId) });
        var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var job = AnswerObject.Root(response, "GET", uri).RequiredProp("job");
        var info = RdsJsonMapper.Job(job);
        // The answer about another job must not be taken for this one's state.
        if (!string.Equals(info.Id, jobId.Trim(), StringComparison.OrdinalIgnoreCase))
            throw job.Invalid("id", $"is {AnswerObject.Quote(info.Id)}, not the job asked for ({jobId.Trim()})");
        return info;
    }

    private async Task<IReadOnlyList<T>> PageByOffsetAsync<T>(
        string path, List<KeyValuePair<string, string?>> filters, string arrayName, Func<AnswerObject, T> map, CancellationToken ct)
    {
        var result = new List<T>();
        var offset = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new List<KeyValuePair<string, string?>>(filters)
            {
                new("offset", offset.ToString(CultureInfo.InvariantCulture)), new("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            var uri = _http.BuildUri(path, query);
            var response = await _http.GetAsync(uri, ct).ConfigureAwait(false);
            var root = AnswerObject.Root(response, "GET", uri);
            var items = root.RequiredArray(arrayName);
            result.AddRange(items.Select(map));
            offset += items.Count;
            if (Done(items.Count, result.Count, root.Long("total_count"))) return result;
        }
        throw Invalid("GET", _http.BuildUri(path), null, $"paging did not end after {MaxPages} pages");
    }

    // Stop on an empty page, when total_count is reached, or (with no total) on a short page.
    private static bool Done(int pageCount, int collected, long? total) =>
        pageCount == 0 || (total is long t ? collected >= t : pageCount < PageSize);

    private static RdsServiceException Invalid(string method, Uri uri, RdsResponse? response, string detail) =>
        new(RdsErrorKind.InvalidResponse, method, uri.PathAndQuery, response?.Status, null, null, response?.RequestId, detail);

    private static string? TargetOf(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Prop("target")?.Str("instance_id");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is required.", name);
    }
}
