namespace RdsRecovery.Emulator.Rules;

/// <summary>
/// Shape checks for the JSON bodies of the restore APIs (instance, database and table level): DBS.200006 for an empty body,
/// DBS.200001 naming the field (with its path, like <c>instances[0].databases[1].new_name</c>) for anything else.
/// </summary>
internal static class JsonBody
{
    public static JsonElement Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || body.Span.Trim(" \t\r\n"u8).IsEmpty) throw new ApiException(400, ErrorCodes.RequestNull, "The request is null.");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw ApiException.Parameter("Parameter error: the request body must be a JSON object.");
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.Parameter("Parameter error: the request body is not valid JSON.");
        }
    }

    public static IReadOnlyList<JsonElement> Array(JsonElement parent, string name, string path, bool allowEmpty = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            throw ApiException.Parameter($"Parameter error: {path} is required and must be an array.");
        var items = value.EnumerateArray().ToList();
        if (items.Count == 0 && !allowEmpty) throw ApiException.Parameter($"Parameter error: {path} must not be empty.");
        if (items.Any(i => i.ValueKind != JsonValueKind.Object && i.ValueKind != JsonValueKind.String))
            throw ApiException.Parameter($"Parameter error: the items of {path} have the wrong type.");
        return items;
    }

    public static IReadOnlyList<JsonElement> Objects(JsonElement parent, string name, string path)
    {
        var items = Array(parent, name, path);
        if (items.Any(i => i.ValueKind != JsonValueKind.Object)) throw ApiException.Parameter($"Parameter error: the items of {path} must be objects.");
        return items;
    }

    public static IReadOnlyList<string> Strings(JsonElement parent, string name, string path)
    {
        var items = Array(parent, name, path);
        if (items.Any(i => i.ValueKind != JsonValueKind.String || i.GetString()!.Length == 0))
            throw ApiException.Parameter($"Parameter error: the items of {path} must be non-empty strings.");
        return items.Select(i => i.GetString()!).ToList();
    }

    /// <summary>Refuses a list that names one thing twice, like two entries for one instance.</summary>
    public static void RequireDistinct<T>(IEnumerable<T> items, IEqualityComparer<T> comparer, string path, string what)
    {
        var seen = new HashSet<T>(comparer);
        if (!items.All(seen.Add)) throw ApiException.Parameter($"Parameter error: {path} names {what} twice.");
    }

    public static string String(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } value ? value : throw ApiException.Parameter($"Parameter error: {path} is required.");

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw ApiException.Parameter($"Parameter error: {path} must be a string.");
        return value.GetString();
    }

    /// <summary>A UNIX time in milliseconds (an integer, as the SDK's int64 restore_time).</summary>
    public static long Milliseconds(JsonElement parent, string name, string path) =>
        OptionalMilliseconds(parent, name, path) ?? throw ApiException.Parameter($"Parameter error: {path} is required.");

    public static long? OptionalMilliseconds(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var ms) || ms < 0)
            throw ApiException.Parameter($"Parameter error: {path} must be a UNIX timestamp in milliseconds.");
        return ms;
    }

    /// <summary>
    /// As <see cref="Milliseconds"/>, but a JSON string of digits is also read: Terraform's history data sources send
    /// <c>restore_time</c> that way (data_source_huaweicloud_rds_restored_databases.go / _tables.go) and work.
    /// </summary>
    public static long MillisecondsOrDigits(JsonElement parent, string name, string path)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)) return long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            throw ApiException.Parameter($"Parameter error: {path} must be a UNIX timestamp in milliseconds.");
        }
        return Milliseconds(parent, name, path);
    }

    public static bool? OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw ApiException.Parameter($"Parameter error: {path} must be a boolean.");
        return value.GetBoolean();
    }
}
