using RdsRecovery.Emulator.Api;
using RdsRecovery.Emulator.Faults;

namespace RdsRecovery.Emulator.Admin;

/// <summary>The unsigned, loopback-only admin API under <c>/_emulator/</c> (see README.md).</summary>
internal sealed class AdminApi(EmulatorServices services)
{
    public void Register(Router router)
    {
        const RouteAccess admin = RouteAccess.Admin;
        router.Add("GET", "/_emulator/info", admin, Info);
        router.Add("POST", "/_emulator/reset", admin, Reset);
        router.Add("GET", "/_emulator/settings", admin, GetSettings);
        router.Add("PUT", "/_emulator/settings", admin, PutSettings);
        router.Add("GET", "/_emulator/faults", admin, (c, _) => JsonResponse.WriteAsync(c, 200, services.Faults.ToJson()));
        router.Add("PUT", "/_emulator/faults", admin, PutFaults);
        router.Add("DELETE", "/_emulator/faults", admin, (c, _) => { services.Faults.Clear(); return AdminRequest.NoContent(c); });
        router.Add("GET", "/_emulator/requests", admin, GetRequests);
        router.Add("DELETE", "/_emulator/requests", admin, (c, _) => { services.Log.Clear(); return AdminRequest.NoContent(c); });
        router.Add("GET", "/_emulator/instances", admin, Instances);
        router.Add("GET", "/_emulator/instances/{instance_id}/data", admin, Data);
        router.Add("PUT", "/_emulator/instances/{instance_id}/databases", admin, PutDatabases);
        router.Add("PUT", "/_emulator/instances/{instance_id}/name", admin, PutName);
        new ArrangedOutcomeAdmin(services, "next-restore", services.Store.Arranged, services.Store.Arrange).Register(router);
    }

    /// <summary>What a client needs to call this emulator; the host prints it as its first line (the credentials are public test values).</summary>
    public static JsonObject InfoJson(EmulatorOptions options, string baseUri) => new()
    {
        ["baseUri"] = baseUri,
        ["accessKey"] = options.AccessKey,
        ["secretKey"] = options.SecretKey,
        ["projectId"] = options.ProjectId,
    };

    private Task Info(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var info = InfoJson(services.Options, $"{context.Request.Scheme}://{context.Request.Host}");
        info["userName"] = services.Options.UserName;
        info["region"] = services.Options.Region;
        info["dataFile"] = services.Store.DataFile;
        return JsonResponse.WriteAsync(context, 200, info);
    }

    /// <summary>Back to the seed: data, settings, arranged failures, faults and the request log.</summary>
    private Task Reset(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        services.Store.Reset(WireTime.NowMs());
        services.Settings.Reset();
        services.Faults.Clear();
        services.Log.Clear();
        return AdminRequest.NoContent(context);
    }

    private Task GetSettings(HttpContext context, IReadOnlyDictionary<string, string> values) =>
        JsonResponse.WriteAsync(context, 200, new JsonObject
        {
            ["job_invisible_ms"] = services.Settings.JobInvisibleMs,
            ["job_duration_ms"] = services.Settings.JobDurationMs,
        });

    private Task PutSettings(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = AdminRequest.Body(context);
        var invisible = AdminRequest.WholeNumber(body, "job_invisible_ms", 0);
        var duration = AdminRequest.WholeNumber(body, "job_duration_ms", 0);
        if (invisible is not null) services.Settings.JobInvisibleMs = invisible.Value;
        if (duration is not null) services.Settings.JobDurationMs = duration.Value;
        return GetSettings(context, values);
    }

    private Task PutFaults(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        services.Faults.Configure(AdminRequest.Body(context));
        return JsonResponse.WriteAsync(context, 200, services.Faults.ToJson());
    }

    private Task GetRequests(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var entries = services.Log.Snapshot().Select(e => (JsonNode)RequestLog.ToJson(e)).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["requests"] = new JsonArray(entries), ["count"] = entries.Length });
    }

    private Task Instances(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        services.Store.SettleDue(WireTime.NowMs());
        var list = services.Store.Instances().Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Id,
            ["name"] = i.Name,
            ["engine"] = i.Engine,
            ["version"] = i.Version,
            ["status"] = i.Status,
            ["volume_gb"] = i.VolumeSizeGb,
            ["backups"] = new JsonArray(services.Store.Backups(i.Id)
                .Select(b => (JsonNode)new JsonObject { ["id"] = b.Id, ["type"] = b.Type, ["status"] = b.Status, ["name"] = b.Name }).ToArray()),
        }).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["instances"] = new JsonArray(list) });
    }

    /// <summary>What the instance holds now, and every state it held, so a test can prove what was restored where.</summary>
    private Task Data(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var now = WireTime.NowMs();
        var instance = AdminRequest.Instance(services, values["instance_id"], now);
        var state = services.Store.StateAt(instance, now);
        var history = services.Store.History(instance.Id).Select(h => (JsonNode)new JsonObject
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
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        if (AdminRequest.Body(context)["databases"] is not JsonArray array
            || array.Any(n => n is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0))
            throw ApiException.Parameter("Give 'databases': an array of database names.");
        var names = array.Select(n => n!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        services.Store.SetDatabases(instance, names, WireTime.NowMs());
        return Data(context, values);
    }

    private static JsonArray Databases(IReadOnlyList<DatabaseEntry> databases) =>
        new(databases.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["character_set"] = d.CharacterSet, ["data_version"] = d.Version }).ToArray());

    /// <summary>Renames an instance, so a test can give two instances the same name (the service allows it).</summary>
    private Task PutName(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instance = AdminRequest.Instance(services, values["instance_id"]);
        var name = AdminRequest.Body(context)["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(name)) throw ApiException.Parameter("Give 'name', a non-empty string.");
        services.Store.Rename(instance.Id, name);
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["id"] = instance.Id, ["name"] = name });
    }
}
