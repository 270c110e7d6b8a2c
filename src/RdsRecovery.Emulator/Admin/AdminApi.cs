using RdsRecovery.Emulator.Api;
using RdsRecovery.Emulator.Faults;

namespace RdsRecovery.Emulator.Admin;

/// <summary>The unsigned, loopback-only admin API under <c>/_emulator/</c> (see README.md).</summary>
internal sealed class AdminApi
{
    private readonly EmulatorServices _services;

    public AdminApi(EmulatorServices services) => _services = services;

    public void Register(Router router)
    {
        const RouteAccess admin = RouteAccess.Admin;
        router.Add("GET", "/_emulator/info", admin, Info);
        router.Add("POST", "/_emulator/reset", admin, Reset);
        router.Add("GET", "/_emulator/settings", admin, GetSettings);
        router.Add("PUT", "/_emulator/settings", admin, PutSettings);
        router.Add("GET", "/_emulator/faults", admin, (c, _) => JsonResponse.WriteAsync(c, 200, _services.Faults.ToJson()));
        router.Add("PUT", "/_emulator/faults", admin, PutFaults);
        router.Add("DELETE", "/_emulator/faults", admin, (c, _) => { _services.Faults.Clear(); return NoContent(c); });
        router.Add("GET", "/_emulator/requests", admin, GetRequests);
        router.Add("DELETE", "/_emulator/requests", admin, (c, _) => { _services.Log.Clear(); return NoContent(c); });
        router.Add("GET", "/_emulator/instances", admin, Instances);
        router.Add("GET", "/_emulator/instances/{instance_id}/data", admin, Data);
        router.Add("PUT", "/_emulator/instances/{instance_id}/databases", admin, PutDatabases);
        router.Add("PUT", "/_emulator/instances/{instance_id}/name", admin, PutName);
        router.Add("GET", "/_emulator/instances/{instance_id}/next-restore", admin, GetArranged);
        router.Add("PUT", "/_emulator/instances/{instance_id}/next-restore", admin, PutArranged);
        router.Add("DELETE", "/_emulator/instances/{instance_id}/next-restore", admin, DeleteArranged);
    }

    public JsonObject InfoJson(string baseUri) => new()
    {
        ["baseUri"] = baseUri,
        ["accessKey"] = _services.Options.AccessKey,
        ["secretKey"] = _services.Options.SecretKey,
        ["projectId"] = _services.Options.ProjectId,
    };

    private Task Info(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var info = InfoJson($"{context.Request.Scheme}://{context.Request.Host}");
        info["userName"] = _services.Options.UserName;
        info["region"] = _services.Options.Region;
        info["dataFile"] = _services.Store.DataFile;
        return JsonResponse.WriteAsync(context, 200, info);
    }

    /// <summary>Back to the seed: data, settings, arranged failures, faults and the request log.</summary>
    private Task Reset(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        _services.Store.Reset(WireTime.NowMs());
        _services.Settings.Reset();
        _services.Faults.Clear();
        _services.Log.Clear();
        return NoContent(context);
    }

    private Task GetSettings(HttpContext context, IReadOnlyDictionary<string, string> values) =>
        JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["job_invisible_ms"] = _services.Settings.JobInvisibleMs,
            ["job_duration_ms"] = _services.Settings.JobDurationMs,
        });

    private Task PutSettings(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = Body(context);
        var invisible = OptionalInt(body, "job_invisible_ms");
        var duration = OptionalInt(body, "job_duration_ms");
        if (invisible is not null) _services.Settings.JobInvisibleMs = invisible.Value;
        if (duration is not null) _services.Settings.JobDurationMs = duration.Value;
        return GetSettings(context, values);
    }

    private Task PutFaults(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        _services.Faults.Configure(Body(context));
        return JsonResponse.WriteAsync(context, 200, _services.Faults.ToJson());
    }

    private Task GetRequests(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var entries = _services.Log.Snapshot().Select(e => (JsonNode)RequestLog.ToJson(e)).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["requests"] = new JsonArray(entries), ["count"] = entries.Length });
    }

    private Task Instances(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        _services.Store.SettleDue(WireTime.NowMs());
        var list = _services.Store.Instances().Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Id,
            ["name"] = i.Name,
            ["engine"] = i.Engine,
            ["version"] = i.Version,
            ["status"] = i.Status,
            ["volume_gb"] = i.VolumeSizeGb,
            ["backups"] = new JsonArray(_services.Store.Backups(i.Id)
                .Select(b => (JsonNode)new JsonObject { ["id"] = b.Id, ["type"] = b.Type, ["status"] = b.Status, ["name"] = b.Name }).ToArray()),
        }).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["instances"] = new JsonArray(list) });
    }

    /// <summary>What the instance holds now, and every state it held, so a test can prove what was restored where.</summary>
    private Task Data(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var now = WireTime.NowMs();
        var instance = Instance(values["instance_id"], now);
        var state = _services.Store.StateAt(instance, now);
        var history = _services.Store.History(instance.Id).Select(h => (JsonNode)new JsonObject
        {
            ["from"] = WireTime.Iso(h.FromMs),
            ["live"] = h.Live,
            ["data_version"] = h.Live ? instance.Name + "@<time>" : h.Marker,
            ["databases"] = Databases(h.Databases),
        }).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["instance_id"] = instance.Id,
            ["name"] = instance.Name,
            ["status"] = instance.Status,
            ["data_version"] = state?.Marker,
            ["live"] = state?.Live ?? false,
            ["databases"] = Databases(state?.Databases ?? Array.Empty<DatabaseEntry>()),
            ["history"] = new JsonArray(history),
        });
    }

    /// <summary>The instance holds exactly these databases from now on (as if a DBA dropped or created some); its history stays.</summary>
    private Task PutDatabases(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"], WireTime.NowMs());
        if (Body(context)["databases"] is not JsonArray array
            || array.Any(n => n is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0))
            throw ApiException.Parameter("Give 'databases': an array of database names.");
        var names = array.Select(n => n!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _services.Store.SetDatabases(instance, names, WireTime.NowMs());
        return Data(context, values);
    }

    private static JsonArray Databases(IReadOnlyList<DatabaseEntry> databases) =>
        new(databases.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["character_set"] = d.CharacterSet, ["data_version"] = d.Version }).ToArray());

    private Task GetArranged(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"], WireTime.NowMs());
        var arranged = _services.Store.Arranged(instance.Id);
        return JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["instance_id"] = instance.Id,
            ["arranged"] = arranged is not null,
            ["fail_reason"] = arranged?.FailReason,
            ["duration_ms"] = arranged?.DurationMs,
        });
    }

    /// <summary>Arranges the next accepted restore into this instance: a failure with a reason, and/or its duration (a slow job).</summary>
    private Task PutArranged(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"], WireTime.NowMs());
        var body = Body(context);
        var reason = body["fail_reason"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (reason is { Length: 0 }) throw ApiException.Parameter("'fail_reason' must not be empty.");
        var duration = OptionalInt(body, "duration_ms");
        if (reason is null && duration is null) throw ApiException.Parameter("Give 'fail_reason' and/or 'duration_ms'.");
        _services.Store.Arrange(instance.Id, new ArrangedRestore(reason, duration));
        return GetArranged(context, values);
    }

    /// <summary>Renames an instance, so a test can give two instances the same name (the service allows it).</summary>
    private Task PutName(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"], WireTime.NowMs());
        var name = Body(context)["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(name)) throw ApiException.Parameter("Give 'name', a non-empty string.");
        _services.Store.Rename(instance.Id, name);
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["id"] = instance.Id, ["name"] = name });
    }

    private Task DeleteArranged(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = Instance(values["instance_id"], WireTime.NowMs());
        _services.Store.Arrange(instance.Id, null);
        return NoContent(context);
    }

    private InstanceRecord Instance(string id, long now)
    {
        _services.Store.SettleDue(now);
        var instance = _services.Store.Instance(id)
            ?? _services.Store.Instances().FirstOrDefault(i => i.Name == id);
        return instance ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {id}.");
    }

    private static JsonObject Body(HttpContext context)
    {
        var bytes = RequestBody.Get(context);
        try
        {
            return bytes.IsEmpty ? new JsonObject() : JsonNode.Parse(bytes.Span) as JsonObject
                ?? throw ApiException.Parameter("The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiException.Parameter("The body is not valid JSON.");
        }
    }

    private static int? OptionalInt(JsonObject body, string name)
    {
        if (body[name] is null) return null;
        if (body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 0) return n;
        throw ApiException.Parameter($"'{name}' must be a whole number >= 0.");
    }

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
