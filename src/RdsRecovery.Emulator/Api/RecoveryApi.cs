namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>POST /v3/{project_id}/instances/recovery</c> and <c>POST /v3.1/…</c>: checks every rule of the route's
/// <see cref="RuleBook"/>, then accepts one job: 200 on v3 (as OTC documents it), 202 on v3.1.
/// </summary>
internal sealed class RecoveryApi(EmulatorServices services, RestoreApi api)
{
    private readonly RuleBook _book = RuleBook.For(api);

    public Task Restore(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var request = RestoreRequest.Parse(body);
        var jobId = services.Store.WriteSettled((c, now) =>
        {
            var (source, target, data) = RestoreValidator.Check(c, request, now, _book, services.Options.Region);
            var name = source.Engine == "SQLServer" ? "SingleDbRestoreSqlserverInInstance" : "RestoreExistInstance";
            return RestoreJobs.Accept(c, services, new RestoreJob(name, source.Id, target, data.ToJson(), Encoding.UTF8.GetString(body.Span)), now);
        });
        return JsonResponse.WriteAsync(context, _book.Api == RestoreApi.V31 ? 202 : 200, new JsonObject { ["job_id"] = jobId });
    }
}
