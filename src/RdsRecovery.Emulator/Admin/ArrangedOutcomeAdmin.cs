namespace RdsRecovery.Emulator.Admin;

/// <summary>
/// <c>GET|PUT|DELETE /_emulator/instances/{instance_id}/next-restore</c> and <c>…/next-backup</c> (README.md): arrange the
/// next accepted restore into an instance, or its next manual backup, to fail with a reason and/or to take a given time
/// (a slow job). The two differ only in where the store keeps the arrangement.
/// </summary>
internal sealed class ArrangedOutcomeAdmin(EmulatorServices services, string segment, Func<string, ArrangedOutcome?> read, Action<string, ArrangedOutcome?> arrange)
{
    public void Register(Router router)
    {
        var template = "/_emulator/instances/{instance_id}/" + segment;
        router.Add("GET", template, RouteAccess.Admin, Get);
        router.Add("PUT", template, RouteAccess.Admin, Put);
        router.Add("DELETE", template, RouteAccess.Admin, Delete);
    }

    private Task Get(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        var arranged = read(instance.Id);
        return JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["instance_id"] = instance.Id,
            ["arranged"] = arranged is not null,
            ["fail_reason"] = arranged?.FailReason,
            ["duration_ms"] = arranged?.DurationMs,
        });
    }

    private Task Put(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        var body = AdminRequest.Body(context);
        var reason = body["fail_reason"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (reason is { Length: 0 }) throw ApiException.Parameter("'fail_reason' must not be empty.");
        var duration = AdminRequest.WholeNumber(body, "duration_ms", 0);
        if (reason is null && duration is null) throw ApiException.Parameter("Give 'fail_reason' and/or 'duration_ms'.");
        arrange(instance.Id, new ArrangedOutcome(reason, duration));
        return Get(context, values);
    }

    private Task Delete(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        arrange(AdminRequest.Instance(services, values["instance_id"]).Id, null);
        return AdminRequest.NoContent(context);
    }
}
