namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>POST /v3/{project_id}/instances/recovery</c> and <c>POST /v3.1/…</c>: checks every rule of the route's
/// <see cref="RuleBook"/>, then accepts one job: 200 on v3 (as OTC documents it), 202 on v3.1.
/// </summary>
internal sealed class RecoveryApi
{
    private readonly EmulatorServices _services;
    private readonly RuleBook _book;

    public RecoveryApi(EmulatorServices services, RestoreApi api)
    {
        _services = services;
        _book = RuleBook.For(api);
    }

    public Task Restore(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var request = RestoreRequest.Parse(body);
        var store = _services.Store;
        var jobId = store.Write(c =>
        {
            var now = WireTime.NowMs();
            store.SettleDue(c, now);
            var (source, target, data) = RestoreValidator.Check(c, request, now, _book, _services.Options.Region);
            var arranged = EmulatorStore.Arranged(c, target.Id);
            var duration = arranged?.DurationMs ?? _services.Settings.JobDurationMs;
            var job = new JobRecord(Guid.NewGuid().ToString("N"),
                source.Engine == "SQLServer" ? "SingleDbRestoreSqlserverInInstance" : "RestoreExistInstance",
                source.Id, target.Id, target.Name, now, now + _services.Settings.JobInvisibleMs, now + duration,
                arranged?.FailReason, false);
            store.InsertJob(c, job, data, Encoding.UTF8.GetString(body.Span));
            if (arranged is not null) EmulatorStore.ConsumeArranged(c, target.Id);
            EmulatorStore.SetStatus(c, target.Id, "RESTORING", now);
            return job.Id;
        });
        return JsonResponse.WriteAsync(context, _book.Api == RestoreApi.V31 ? 202 : 200, new JsonObject { ["job_id"] = jobId });
    }
}
