namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>POST /v3/{project_id}/backups</c> (CreateManualBackup) and <c>DELETE /v3/{project_id}/backups/{backup_id}</c>
/// (DeleteManualBackup). The name grammar is the documented one (rds_09_0004: 4-64 characters, a letter first, then
/// letters, digits, '-' and '_'); the description at most 256 characters without &gt;!&lt;"&amp;'=. A backup takes the
/// arranged duration, else as long as a restore job (--job-duration-ms).
/// </summary>
internal sealed class ManualBackupsApi(EmulatorServices services)
{
    private static readonly System.Buffers.SearchValues<char> DescriptionForbidden = System.Buffers.SearchValues.Create(">!<\"&'=");

    public Task Create(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = ParseBody(RequestBody.Get(context));
        var instanceId = Text(body, "instance_id") ?? throw ApiException.Parameter("Parameter error: 'instance_id' is required.");
        var name = Text(body, "name") ?? throw ApiException.Parameter("Parameter error: 'name' is required.");
        if (!NameIsValid(name))
            throw ApiException.Parameter($"Parameter error: the backup name '{name}' must be 4 to 64 characters, start with a letter, and hold only letters, digits, '-' and '_'.");
        var description = Text(body, "description");
        if (description is not null && (description.Length > 256 || description.AsSpan().IndexOfAny(DescriptionForbidden) >= 0))
            throw ApiException.Parameter("Parameter error: the description must be at most 256 characters, without >!<\"&'=.");
        List<string>? databases = null;
        if (body["databases"] is JsonNode node)
        {
            if (node is not JsonArray array || array.Count == 0 || array.Any(d => d is not JsonObject o || Text(o, "name") is null))
                throw ApiException.Parameter("Parameter error: 'databases' must be a non-empty array of {\"name\": ...}.");
            databases = array.Select(d => Text((JsonObject)d!, "name")!).ToList();
        }
        var backup = services.Store.CreateManualBackup(instanceId, name, databases, WireTime.NowMs(), services.Settings.JobDurationMs);
        var json = new JsonObject
        {
            ["id"] = backup.Id,
            ["instance_id"] = backup.InstanceId,
            ["name"] = backup.Name,
            ["description"] = description ?? "",
            ["begin_time"] = WireTime.Format(backup.BeginMs),
            ["status"] = backup.Status,
            ["type"] = backup.Type,
        };
        if (databases is not null) json["databases"] = new JsonArray(databases.Select(d => (JsonNode)new JsonObject { ["name"] = d }).ToArray());
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["backup"] = json });
    }

    /// <summary>The SDK's DeleteManualBackupResponse has no fields: 200 with no body.</summary>
    public Task Delete(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        services.Store.DeleteManualBackup(values["backup_id"], WireTime.NowMs());
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }

    internal static bool NameIsValid(string name) =>
        name.Length is >= 4 and <= 64 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');

    private static JsonObject ParseBody(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty) throw new ApiException(400, ErrorCodes.RequestNull, "The request is null.");
        try
        {
            return JsonNode.Parse(bytes.Span) as JsonObject ?? throw ApiException.Parameter("Parameter error: the body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiException.Parameter("Parameter error: the body is not valid JSON.");
        }
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0 ? v.GetValue<string>() : null;
}
