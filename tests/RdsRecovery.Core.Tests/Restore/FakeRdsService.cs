using System.Net;
using RdsRecovery.Core.Tests.Api;

namespace RdsRecovery.Core.Tests.Restore;

/// <summary>A tiny RDS answering from fixed JSON per path, for facts gathering and submission tests.</summary>
internal sealed class FakeRdsService
{
    public const string SourceId = "src00000000000000000000000000000in01";
    public const string TargetId = "tgt00000000000000000000000000000in01";
    public const string SqlSourceId = "sqlsrc000000000000000000000000000in04";
    public const string SqlTargetId = "sqltgt000000000000000000000000000in04";

    public string SourceStatus { get; set; } = "ACTIVE";
    public string TargetStatus { get; set; } = "ACTIVE";
    public bool TargetExists { get; set; } = true;
    public string JobStatus { get; set; } = "Running";
    public Func<SeenRequest, HttpResponseMessage>? RecoveryAnswer { get; set; }

    public HttpResponseMessage Respond(SeenRequest request)
    {
        var path = request.Uri.AbsolutePath;
        if (path.EndsWith("/instances", StringComparison.Ordinal) && request.Method == "GET")
        {
            var id = request.Query("id");
            var instance = id switch
            {
                SourceId => Instance(SourceId, "erp-prod", "MySQL", "5.7", 100, SourceStatus),
                TargetId when TargetExists => Instance(TargetId, "erp-staging", "MySQL", "5.7", 200, TargetStatus),
                SqlSourceId => Instance(SqlSourceId, "sql-prod", "SQLServer", "2014_SE", 100, "ACTIVE"),
                SqlTargetId => Instance(SqlTargetId, "sql-staging", "SQLServer", "2014_EE", 200, TargetStatus),
                _ => null,
            };
            return FakeRdsHandler.Json(instance is null ? "{\"instances\":[],\"total_count\":0}" : $"{{\"instances\":[{instance}],\"total_count\":1}}");
        }
        if (path.EndsWith("/backups", StringComparison.Ordinal))
        {
            var backupId = request.Query("backup_id");
            var owner = request.Query("instance_id");
            if (backupId.Length == 0 && owner == SqlSourceId)
                return FakeRdsHandler.Json("{\"backups\":[" +
                    "{\"id\":\"bk5\",\"instance_id\":\"" + owner + "\",\"name\":\"late\",\"type\":\"auto\",\"size\":100,\"status\":\"COMPLETED\",\"begin_time\":\"2026-11-28T01:30:00+0000\",\"end_time\":\"2026-11-28T01:36:00+0000\",\"databases\":[{\"name\":\"hr\"}]}," +
                    "{\"id\":\"bk4\",\"instance_id\":\"" + owner + "\",\"name\":\"nightly\",\"type\":\"auto\",\"size\":100,\"status\":\"COMPLETED\",\"begin_time\":\"2026-11-27T22:00:00+0800\",\"end_time\":\"2026-11-27T22:06:00+0800\",\"databases\":[{\"name\":\"sales\"},{\"name\":\"dropped\"}]}" +
                    "],\"total_count\":2}");
            var found = (backupId == "bk1" && owner == SourceId) || (backupId == "bk4" && owner == SqlSourceId);
            var list = found
                ? $"[{{\"id\":\"{backupId}\",\"instance_id\":\"{owner}\",\"name\":\"nightly\",\"type\":\"auto\",\"size\":100,\"status\":\"COMPLETED\",\"begin_time\":\"2026-11-27T22:00:00+0800\",\"end_time\":\"2026-11-27T22:06:00+0800\"}}]"
                : "[]";
            return FakeRdsHandler.Json($"{{\"backups\":{list},\"total_count\":{(list == "[]" ? 0 : 1)}}}");
        }
        if (path.EndsWith("/restore-time", StringComparison.Ordinal))
            return FakeRdsHandler.Json("{\"restore_time\":[{\"start_time\":1764000000000,\"end_time\":1764200000000}]}");
        if (path.EndsWith("/database/detail", StringComparison.Ordinal))
        {
            var names = path.Contains(SqlSourceId) ? new[] { "master", "sales", "hr" } : new[] { "master", "sales_old" };
            var json = string.Join(",", names.Select(n => $"{{\"name\":\"{n}\",\"character_set\":\"Chinese_PRC_CI_AS\",\"state\":\"Running\"}}"));
            return FakeRdsHandler.Json($"{{\"databases\":[{json}],\"total_count\":{names.Length}}}");
        }
        if (path.EndsWith("/jobs", StringComparison.Ordinal))
            return FakeRdsHandler.Json($"{{\"job\":{{\"id\":\"{request.Query("id")}\",\"name\":\"RestoreToExistingInstance\",\"status\":\"{JobStatus}\",\"created\":\"2026-11-28T01:00:00+0000\",\"process\":\"\"}}}}");
        if (path.EndsWith("/instances/recovery", StringComparison.Ordinal))
            return RecoveryAnswer?.Invoke(request) ?? FakeRdsHandler.Json("{\"job_id\":\"job-1\"}", HttpStatusCode.OK, "req-post");
        return FakeRdsHandler.Json("{\"error_code\":\"APIGW.0101\",\"error_msg\":\"no such API\"}", HttpStatusCode.NotFound);
    }

    private static string Instance(string id, string name, string engine, string version, int size, string status) =>
        $"{{\"id\":\"{id}\",\"name\":\"{name}\",\"status\":\"{status}\",\"type\":\"Single\",\"datastore\":{{\"type\":\"{engine}\",\"version\":\"{version}\"}},\"volume\":{{\"type\":\"CLOUDSSD\",\"size\":{size}}},\"region\":\"ap-southeast-1\"}}";
}
