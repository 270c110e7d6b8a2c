namespace RdsRecovery.Emulator.Faults;

/// <summary>One request as received, secrets removed.</summary>
internal sealed record LoggedRequest(long Sequence, DateTimeOffset Time, string Method, string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers, string Body, int Status, string RequestId, string? Fault);

/// <summary>
/// The last <see cref="Capacity"/> requests to the service API (not to the admin API), so tests can prove
/// what was and was not sent. Credential headers and passwords in token bodies are redacted on entry.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;
    public const string Redacted = "[redacted]";
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Auth-Token", "X-Security-Token", "X-Subject-Token", "Cookie",
    };
    private readonly LinkedList<LoggedRequest> _entries = new();
    private readonly object _gate = new();
    private long _sequence;

    public void Add(HttpContext context, ReadOnlyMemory<byte> body, int status, string requestId, string? fault)
    {
        var request = context.Request;
        var headers = request.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key, SecretHeaders.Contains(h.Key) ? Redacted : h.Value.ToString()))
            .ToList();
        var entry = new LoggedRequest(0, DateTimeOffset.UtcNow, request.Method, request.Path.Value + request.QueryString.Value,
            headers, RedactBody(body), status, requestId, fault);
        lock (_gate)
        {
            _entries.AddLast(entry with { Sequence = ++_sequence });
            if (_entries.Count > Capacity) _entries.RemoveFirst();
        }
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate) return _entries.ToList();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>Replaces every string property named like a password or secret; a body that is not JSON is kept as text.</summary>
    private static string RedactBody(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return "";
        var text = Encoding.UTF8.GetString(body.Span);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text.Contains("password", StringComparison.OrdinalIgnoreCase) ? Redacted : text;
        }
        if (node is null || !Redact(node)) return text;
        return node.ToJsonString();
    }

    private static bool Redact(JsonNode node)
    {
        var changed = false;
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
                    (name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)))
                {
                    obj[name] = Redacted;
                    changed = true;
                }
                else if (value is not null) changed |= Redact(value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array) if (item is not null) changed |= Redact(item);
        }
        return changed;
    }

    public static JsonObject ToJson(LoggedRequest e) => new()
    {
        ["sequence"] = e.Sequence,
        ["time"] = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["method"] = e.Method,
        ["path"] = e.PathAndQuery,
        ["headers"] = new JsonObject(e.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, JsonNode?>(g.Key, string.Join(",", g.Select(h => h.Value))))),
        ["body"] = e.Body,
        ["status"] = e.Status,
        ["request_id"] = e.RequestId,
        ["fault"] = e.Fault,
    };
}
