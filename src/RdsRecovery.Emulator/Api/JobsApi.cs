namespace RdsRecovery.Emulator.Api;

/// <summary><c>GET /v3/{project_id}/jobs?id=</c>: status derived from the stored times.</summary>
internal sealed class JobsApi(EmulatorServices services)
{
    public Task Get(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var id = Query.String(context, "id");
        if (string.IsNullOrEmpty(id)) throw ApiException.Parameter("Parameter error: 'id' is required.");
        var now = WireTime.NowMs();
        services.Store.SettleDue(now);
        var job = services.Store.Job(id);
        // A new job is not visible at first, as on the real service.
        if (job is null || now < job.VisibleMs) throw new ApiException(400, ErrorCodes.JobNotFound, $"The job does not exist: {id}.");
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["job"] = ToJson(job, now) });
    }

    public static JobStatus StatusAt(JobRecord job, long now) =>
        now < job.EndsMs ? JobStatus.Running : job.FailReason is null ? JobStatus.Completed : JobStatus.Failed;

    internal static JsonObject ToJson(JobRecord job, long now)
    {
        var status = StatusAt(job, now);
        var json = new JsonObject
        {
            ["id"] = job.Id,
            ["name"] = job.Name,
            ["status"] = status.ToString(),
            ["created"] = WireTime.Format(job.CreatedMs),
        };
        if (status != JobStatus.Running) json["ended"] = WireTime.Format(job.EndsMs);
        json["process"] = status == JobStatus.Running ? Progress(job, now) : "";
        json["instance"] = new JsonObject { ["id"] = job.TargetId, ["name"] = job.TargetName };
        json["entities"] = new JsonObject();
        if (status == JobStatus.Failed) json["fail_reason"] = job.FailReason;
        return json;
    }

    private static string Progress(JobRecord job, long now)
    {
        var duration = Math.Max(1, job.EndsMs - job.CreatedMs);
        var percent = Math.Clamp((now - job.CreatedMs) * 100 / duration, 0, 99);
        return percent.ToString(CultureInfo.InvariantCulture) + "%";
    }
}
