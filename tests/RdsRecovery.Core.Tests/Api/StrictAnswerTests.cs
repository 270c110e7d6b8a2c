using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Api;

/// <summary>
/// Every answer the client reads is checked against the field types it relies on: a field of the wrong type, a
/// missing required field, a different job id or an unparseable time is RdsInvalidResponse naming the field and the
/// request id, never a blank object or an Unknown status. One table row per defect, per response type.
/// </summary>
public sealed class StrictAnswerTests
{
    private const string RequestId = "req-strict-7";
    private const string JobId = "0123456789abcdef0123456789abcdef";

    private static readonly Dictionary<string, Func<RdsClient, Task>> Calls = new()
    {
        ["instances"] = c => c.ListInstancesAsync(),
        ["backups"] = c => c.ListBackupsAsync(new RdsBackupFilter("i1")),
        ["restore windows"] = c => c.ListRestoreWindowsAsync("i1"),
        ["sqlserver databases"] = c => c.ListSqlServerDatabasesAsync("i1"),
        ["job"] = c => c.GetJobAsync(JobId),
    };

    private const string GoodInstances = "{\"instances\":[{\"id\":\"i1\",\"name\":\"prod\",\"status\":\"ACTIVE\",\"type\":\"Ha\","
        + "\"datastore\":{\"type\":\"MySQL\",\"version\":\"5.7\"},\"volume\":{\"type\":\"CLOUDSSD\",\"size\":100},\"port\":3306,"
        + "\"created\":\"2018-08-06T12:41:14+0800\"}],\"total_count\":1}";
    private const string GoodBackups = "{\"backups\":[{\"id\":\"b1\",\"instance_id\":\"i1\",\"name\":\"n\",\"type\":\"auto\",\"status\":\"COMPLETED\","
        + "\"size\":10,\"begin_time\":\"2018-08-06T12:41:14+0800\",\"end_time\":\"2018-08-06T12:43:14+0800\","
        + "\"datastore\":{\"type\":\"SQLServer\",\"version\":\"2017_SE\"},\"databases\":[{\"name\":\"db1\"}]}],\"total_count\":1}";
    private const string GoodWindows = "{\"restore_time\":[{\"start_time\":1533530474000,\"end_time\":1533534074000}]}";
    private const string GoodDatabases = "{\"databases\":[{\"name\":\"db\",\"character_set\":\"Chinese_PRC_CI_AS\",\"state\":\"Online\"}],\"total_count\":1}";
    private const string GoodJob = "{\"job\":{\"id\":\"" + JobId + "\",\"name\":\"RestoreExistInstance\",\"status\":\"Running\",\"process\":\"60%\","
        + "\"created\":\"2018-08-06T12:41:14+0800\",\"instance\":{\"id\":\"i1\",\"name\":\"prod\"}}}";

    private static readonly Dictionary<string, string> Good = new()
    {
        ["instances"] = GoodInstances, ["backups"] = GoodBackups, ["restore windows"] = GoodWindows,
        ["sqlserver databases"] = GoodDatabases, ["job"] = GoodJob,
    };

    /// <summary>(response type, field path, its new JSON value or null to remove it). Each row spoils one field of the good answer.</summary>
    public static readonly (string Call, string Field, string? Value)[] Defects =
    {
        ("instances", "instances[0].id", "5"),
        ("instances", "instances[0].id", null),
        ("instances", "instances[0].status", "[\"ACTIVE\"]"),
        ("instances", "instances[0].status", null),
        ("instances", "instances[0].name", "42"),
        ("instances", "instances[0].type", "true"),
        ("instances", "instances[0].datastore", "\"MySQL\""),
        ("instances", "instances[0].datastore.version", "5.7"),
        ("instances", "instances[0].volume.size", "\"40\""),
        ("instances", "instances[0].port", "\"5432\""),
        ("instances", "instances[0].port", "3306.5"),
        ("instances", "instances[0].created", "\"not a date\""),
        ("instances", "instances[0].updated", "1533530474"),
        ("instances", "instances[0].time_zone", "{}"),
        ("instances", "total_count", "\"1\""),
        ("instances", "instances[0]", "7"),
        ("backups", "backups[0].size", "\"2803\""),
        ("backups", "backups[0].begin_time", "\"2018-13-45T99:00:00+0800\""),
        ("backups", "backups[0].end_time", "false"),
        ("backups", "backups[0].status", "{\"value\":\"COMPLETED\"}"),
        ("backups", "backups[0].id", null),
        ("backups", "backups[0].instance_id", null),
        ("backups", "backups[0].databases", "\"db1\""),
        ("backups", "backups[0].databases[0].name", "7"),
        ("backups", "backups[0].datastore.type", "[\"SQLServer\"]"),
        ("restore windows", "restore_time[0].start_time", "\"1533530474000\""),
        ("restore windows", "restore_time[0].end_time", null),
        ("restore windows", "restore_time[0].end_time", "1e30"),
        ("restore windows", "restore_time[0]", "\"all day\""),
        ("sqlserver databases", "databases[0].name", "1"),
        ("sqlserver databases", "databases[0].name", null),
        ("sqlserver databases", "databases[0].character_set", "[]"),
        ("sqlserver databases", "total_count", "\"many\""),
        ("job", "job.status", "[\"Running\"]"),
        ("job", "job.status", "\"Pending\""),
        ("job", "job.status", null),
        ("job", "job.id", null),
        ("job", "job.id", "\"ffffffffffffffffffffffffffffffff\""),
        ("job", "job.id", "123"),
        ("job", "job.process", "60"),
        ("job", "job.created", "1533530474"),
        ("job", "job.ended", "\"yesterday\""),
        ("job", "job.fail_reason", "{\"text\":\"x\"}"),
        ("job", "job.instance", "\"i1\""),
        ("job", "job.instance.id", "3"),
        ("job", "job", "[]"),
    };

    /// <summary>The good answer of a response type with one field (a dotted path with [index]) replaced or removed.</summary>
    private static string Spoil(string call, string field, string? value)
    {
        var root = JsonNode.Parse(Good[call])!;
        var parts = field.Replace("]", "").Split('.', '[');
        JsonNode parent = root;
        foreach (var p in parts.Take(parts.Length - 1)) parent = int.TryParse(p, out var i) ? parent[i]! : parent[p]!;
        var last = parts[^1];
        var replacement = value is null ? null : JsonNode.Parse(value);
        if (int.TryParse(last, out var index)) parent.AsArray()[index] = replacement;
        else if (value is null) parent.AsObject().Remove(last);
        else parent[last] = replacement;
        return root.ToJsonString();
    }

    public static IEnumerable<object?[]> DefectRows() => Defects.Select(d => new object?[] { d.Call, d.Field, d.Value });

    [Theory]
    [MemberData(nameof(DefectRows))]
    public async Task A_wrongly_shaped_answer_is_an_invalid_response_naming_the_field_and_the_request_id(string call, string field, string? value)
    {
        var body = Spoil(call, field, value);
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body, requestId: RequestId));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => Calls[call](client));

        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsInvalidResponse, ex.ErrorId);
        Assert.Equal(RequestId, ex.RequestId);
        Assert.Contains("'" + field + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(RequestId, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The good answers the defects are made from are read without complaint, so each row fails for its defect alone.</summary>
    [Theory]
    [InlineData("instances")]
    [InlineData("backups")]
    [InlineData("restore windows")]
    [InlineData("sqlserver databases")]
    [InlineData("job")]
    public async Task The_well_formed_answer_behind_each_row_is_read(string call)
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(Good[call], requestId: RequestId));

        await Calls[call](client);
    }

    [Theory]
    [InlineData("{\"job\":{\"id\":\"" + JobId + "\",\"status\":\"Completed\",\"process\":\"\",\"ended\":\"\",\"fail_reason\":null,\"instance\":null}}")]
    [InlineData("{\"job\":{\"id\":\"" + JobId + "\",\"status\":\"Complete\"}}")]
    public async Task Optional_fields_may_be_absent_null_or_empty(string body)
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body));

        var job = await client.GetJobAsync(JobId);

        Assert.Equal(RdsRecovery.Model.RdsJobStatus.Completed, job.Status);
        Assert.Null(job.Ended);
        Assert.Null(job.Progress);
        Assert.Null(job.InstanceId);
    }

    [Theory]
    [InlineData("{\"job_id\":123}")]
    [InlineData("{\"job_id\":[\"" + JobId + "\"]}")]
    [InlineData("{\"job_id\":\"\"}")]
    [InlineData("{\"jobs\":\"" + JobId + "\"}")]
    public async Task A_restore_answer_without_a_job_id_string_is_an_unknown_outcome_naming_job_id(string body)
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body, requestId: RequestId));

        var ex = await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync(
            "{\"source\":{\"instance_id\":\"s\",\"type\":\"backup\",\"backup_id\":\"b\"},\"target\":{\"instance_id\":\"t\"}}"));

        // The service may have accepted the restore: never sent again, and reported as unknown, not as refused.
        Assert.Single(handler.Requests);
        Assert.Equal(RequestId, ex.RequestId);
        var inner = Assert.IsType<RdsServiceException>(ex.InnerException);
        Assert.Equal(RdsErrorKind.InvalidResponse, inner.Kind);
        Assert.Contains("'job_id'", inner.Message, StringComparison.Ordinal);
        Assert.Contains(RequestId, inner.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Error bodies: the HTTP status decides the kind (a 401 stays an authentication failure), but an error_code or
    /// error_msg of the wrong type is not read as text: it is dropped and the error says which field was unreadable.
    /// </summary>
    [Theory]
    [InlineData("{\"error_code\":[\"DBS.200543\"],\"error_msg\":\"no\"}", "error_code")]
    [InlineData("{\"error_code\":\"DBS.280001\",\"error_msg\":{\"en\":\"bad\"}}", "error_msg")]
    public async Task An_error_body_with_wrongly_typed_fields_names_them(string body, string field)
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body, HttpStatusCode.BadRequest, RequestId));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Contains("'" + field + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(RequestId, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_numeric_code_of_an_iam_style_error_body_is_read_as_text()
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}", HttpStatusCode.Unauthorized, RequestId));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorKind.Authentication, ex.Kind);
        Assert.Equal("401", ex.ErrorCode);
        Assert.Equal("The request you have made requires authentication.", ex.ErrorMessage);
    }
}
