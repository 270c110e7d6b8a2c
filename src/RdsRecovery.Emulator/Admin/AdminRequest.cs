namespace RdsRecovery.Emulator.Admin;

/// <summary>
/// What every admin endpoint reads and answers the same way: its JSON body, whole numbers in it, the instance its path
/// names, an empty answer. The admin API is the emulator's own (README.md), so its errors are plain DBS.200001/404.
/// </summary>
internal static class AdminRequest
{
    /// <summary>The body as a JSON object; an empty body reads as an empty object.</summary>
    public static JsonObject Body(HttpContext context)
    {
        var bytes = RequestBody.Get(context);
        try
        {
            return bytes.IsEmpty ? new JsonObject() : JsonNode.Parse(bytes.Span) as JsonObject ?? throw ApiException.Parameter("The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiException.Parameter("The body is not valid JSON.");
        }
    }

    /// <summary>A whole number of at least <paramref name="min"/>, or null when the body does not give it.</summary>
    public static int? WholeNumber(JsonObject body, string name, int min)
    {
        if (body[name] is null) return null;
        if (body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min) return n;
        throw ApiException.Parameter($"'{name}' must be a whole number >= {min.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>The instance the path names by id or, failing that, by name, once what is due by <paramref name="nowMs"/> is settled.</summary>
    public static InstanceRecord Instance(EmulatorServices services, string idOrName, long nowMs)
    {
        services.Store.SettleDue(nowMs);
        return services.Store.Instance(idOrName) ?? services.Store.Instances().FirstOrDefault(i => i.Name == idOrName)
            ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {idOrName}.");
    }

    public static InstanceRecord Instance(EmulatorServices services, string idOrName) => Instance(services, idOrName, WireTime.NowMs());

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
