namespace RdsRecovery.Emulator.Api;

/// <summary><c>GET /v3/{project_id}/backups</c>: instance_id mandatory; filters by id, type, status and begin time.</summary>
internal sealed class BackupsApi(EmulatorServices services)
{
    private static readonly string[] Types = { "auto", "manual", "fragment", "incremental" };
    private static readonly string[] Statuses = { "BUILDING", "COMPLETED", "FAILED", "DELETING" };

    public Task List(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var instanceId = Query.String(context, "instance_id");
        if (string.IsNullOrEmpty(instanceId)) throw ApiException.Parameter("Parameter error: 'instance_id' is required.");
        var backupId = Query.String(context, "backup_id");
        var type = Query.OneOf(context, "backup_type", Types);
        var status = Query.OneOf(context, "status", Statuses);
        var beginText = Query.String(context, "begin_time");
        var endText = Query.String(context, "end_time");
        long? begin = null, end = null;
        if (beginText is not null || endText is not null)
        {
            if (beginText is null || endText is null) throw ApiException.Parameter("Parameter error: begin_time and end_time must be given together.");
            if (!WireTime.TryParse(beginText, out var b)) throw ApiException.Parameter($"Parameter error: begin_time '{beginText}' is not yyyy-mm-ddThh:mm:ssZ.");
            if (!WireTime.TryParse(endText, out var e)) throw ApiException.Parameter($"Parameter error: end_time '{endText}' is not yyyy-mm-ddThh:mm:ssZ.");
            if (e <= b) throw ApiException.Parameter("Parameter error: end_time must be later than begin_time.");
            (begin, end) = (b, e);
        }
        var (offset, limit) = Query.Paging(context);

        // Manual backups whose time is up are COMPLETED (or FAILED) before they are listed.
        services.Store.SettleDue(WireTime.NowMs());
        var instance = services.Store.Instance(instanceId)
            ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {instanceId}.");
        IEnumerable<BackupRecord> found = services.Store.Backups(instanceId);
        if (!string.IsNullOrEmpty(backupId)) found = found.Where(b => b.Id == backupId);
        if (type is not null) found = found.Where(b => b.Type == type);
        if (status is not null) found = found.Where(b => b.Status == status);
        if (begin is not null) found = found.Where(b => b.BeginMs >= begin && b.BeginMs <= end);
        var all = found.ToList();
        var page = all.Skip(offset).Take(limit).Select(b => (JsonNode)InstanceJson.Backup(b, instance)).ToArray();
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["backups"] = new JsonArray(page), ["total_count"] = all.Count });
    }
}
