namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>ListInstancesSupportFastRestore</c>: <c>POST /v3/{project_id}/instances/fast-restore</c>, body
/// {restore_time: "yyyy-mm-ddThh:mm:ssZ" (a string with an offset such as +0800, unlike the other APIs' milliseconds), instance_ids},
/// answer 200 {support_fast_restore_list:[{instance_id, is_support_fast_table_restore, is_support_fast_database_restore}]}.
/// Fast restore exists for MySQL only (rds_09_0019); other engines answer false for both.
/// </summary>
internal sealed class FastRestoreApi(EmulatorServices services)
{
    public Task List(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var root = JsonBody.Parse(RequestBody.Get(context));
        var time = JsonBody.String(root, "restore_time", "restore_time");
        if (!WireTime.TryParse(time, out _))
            throw ApiException.Parameter($"Parameter error: restore_time '{time}' is not yyyy-mm-ddThh:mm:ssZ (with an offset such as +0800).");
        var ids = JsonBody.Strings(root, "instance_ids", "instance_ids");
        services.Store.SettleDue(WireTime.NowMs());
        var list = services.Store.Read(c => ids.Distinct(StringComparer.Ordinal).Select(id =>
        {
            var instance = PartialRestoreRules.Find(c, id);
            var (database, table) = instance.Engine == "MySQL" ? EmulatorStore.FastRestore(c, instance.Id) : (false, false);
            return (JsonNode)new JsonObject
            {
                ["instance_id"] = instance.Id,
                ["is_support_fast_table_restore"] = table,
                ["is_support_fast_database_restore"] = database,
            };
        }).ToArray());
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["support_fast_restore_list"] = new JsonArray(list) });
    }
}
