namespace RdsRecovery.Emulator.Admin;

/// <summary>
/// Admin routes for manual backups: arrange the next backup of an instance to fail (with a reason) and/or to take a
/// given time (a slow backup), as <c>next-restore</c> does for restores.
/// </summary>
internal sealed class ManualBackupAdmin
{
    private readonly EmulatorServices _services;

    public ManualBackupAdmin(EmulatorServices services) => _services = services;

    public void Register(Router router)
    {
        router.Add("GET", "/_emulator/instances/{instance_id}/next-backup", RouteAccess.Admin, Get);
        router.Add("PUT", "/_emulator/instances/{instance_id}/next-backup", RouteAccess.Admin, Put);
        router.Add("DELETE", "/_emulator/instances/{instance_id}/next-backup", RouteAccess.Admin, Delete);
    }

    private Task Get(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"]);
        var arranged = _services.Store.ArrangedBackupFor(instance.Id);
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
        var instance = Instance(values["instance_id"]);
        JsonObject body;
        try
        {
            var bytes = RequestBody.Get(context);
            body = bytes.IsEmpty ? new JsonObject() : JsonNode.Parse(bytes.Span) as JsonObject ?? throw ApiException.Parameter("The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiException.Parameter("The body is not valid JSON.");
        }
        var reason = body["fail_reason"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (reason is { Length: 0 }) throw ApiException.Parameter("'fail_reason' must not be empty.");
        int? duration = null;
        if (body["duration_ms"] is not null)
        {
            if (body["duration_ms"] is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue<int>(out var n) && n >= 0) duration = n;
            else throw ApiException.Parameter("'duration_ms' must be a whole number >= 0.");
        }
        if (reason is null && duration is null) throw ApiException.Parameter("Give 'fail_reason' and/or 'duration_ms'.");
        _services.Store.ArrangeBackup(instance.Id, new ArrangedBackup(reason, duration));
        return Get(context, values);
    }

    private Task Delete(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        _services.Store.ArrangeBackup(Instance(values["instance_id"]).Id, null);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private InstanceRecord Instance(string idOrName)
    {
        _services.Store.SettleDue(WireTime.NowMs());
        return _services.Store.Instance(idOrName) ?? _services.Store.Instances().FirstOrDefault(i => i.Name == idOrName)
            ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {idOrName}.");
    }
}
