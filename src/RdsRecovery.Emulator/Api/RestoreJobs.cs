namespace RdsRecovery.Emulator.Api;

/// <summary>
/// One restore to accept into <see cref="Target"/>: <see cref="RestoredJson"/> is what the target gains when the job completes
/// (see <see cref="EmulatorStore.InsertJob"/>), <see cref="RequestJson"/> the exact body that asked for it.
/// </summary>
internal sealed record RestoreJob(string Name, string SourceId, InstanceRecord Target, string RestoredJson, string RequestJson)
{
    /// <summary>Why the job will fail (a table-level restore of a table that did not exist then); null for success.</summary>
    public string? FailReason { get; init; }

    /// <summary>is_fast_restore: the job takes half the time.</summary>
    public bool Fast { get; init; }

    /// <summary>The documented example of BatchRestoreDatabase answers a hyphenated UUID as job_id; the other APIs, 32 hex digits.</summary>
    public bool HyphenatedId { get; init; }
}

/// <summary>
/// Accepts a restore job for every restore API (instance, database and table level): the job is followed through ListJobInfo,
/// the target is RESTORING (busy) until it settles, and a failure or duration arranged through
/// <c>/_emulator/instances/{id}/next-restore</c> applies to it.
/// </summary>
internal static class RestoreJobs
{
    public const string DatabaseJobName = "RestoreDatabasesInInstance";
    public const string TableJobName = "RestoreTablesInInstance";

    /// <summary>Accepts <paramref name="job"/> within the write <paramref name="c"/>; returns its job id.</summary>
    public static string Accept(SqliteConnection c, EmulatorServices services, RestoreJob job, long nowMs)
    {
        var settings = services.Settings;
        var arranged = EmulatorStore.TakeArrangedRestore(c, job.Target.Id);
        var duration = arranged?.DurationMs ?? (job.Fast ? settings.JobDurationMs / 2 : settings.JobDurationMs);
        var id = Guid.NewGuid().ToString(job.HyphenatedId ? "D" : "N");
        services.Store.InsertJob(c, new JobRecord(id, job.Name, job.SourceId, job.Target.Id, job.Target.Name, nowMs, nowMs + settings.JobInvisibleMs,
            nowMs + duration, arranged?.FailReason ?? job.FailReason, false), job.RestoredJson, job.RequestJson);
        EmulatorStore.SetStatus(c, job.Target.Id, "RESTORING", nowMs);
        return id;
    }

    /// <summary>A database- or table-level restore into the instance it reads from.</summary>
    public static RestoreJob Within(InstanceRecord instance, string name, PartialRestorePlan plan, ReadOnlyMemory<byte> body) =>
        new(name, instance.Id, instance, plan.ToJson(), Encoding.UTF8.GetString(body.Span));

    /// <summary>The answer of the batch APIs: 200 {restore_result:[{instance_id, job_id}]}, in the order of the request.</summary>
    public static Task WriteBatchAnswer(HttpContext context, IEnumerable<(string InstanceId, string JobId)> jobs) =>
        JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["restore_result"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject { ["instance_id"] = j.InstanceId, ["job_id"] = j.JobId }).ToArray()),
        });
}
