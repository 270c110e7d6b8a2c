using System.Text.Json;

namespace RdsRecovery.Json;

/// <summary>
/// One JSON object of a service answer, read strictly: every field the client relies on must have the type the
/// API documents (the Huawei Cloud SDK models). A missing or null optional field is null; a field of another
/// type, a missing required field or an unparseable time throws <see cref="RdsServiceException"/>
/// (RdsInvalidResponse) naming the field's path (for example <c>instances[0].volume.size</c>) and the request id.
/// This is the one place answer shapes are checked: a new field is read with these methods and is checked too.
/// </summary>
internal readonly struct AnswerObject
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly AnswerOrigin _origin;

    private AnswerObject(JsonElement element, string path, AnswerOrigin origin)
    {
        _element = element;
        _path = path;
        _origin = origin;
    }

    /// <summary>The body of an answer; RdsHttp only hands over answers whose body is a JSON object.</summary>
    public static AnswerObject Root(RdsResponse response, string method, Uri uri)
    {
        var origin = new AnswerOrigin(method, uri.PathAndQuery, response.Status, response.RequestId);
        if (response.Body.ValueKind != JsonValueKind.Object) throw origin.Invalid("the answer is not a JSON object");
        return new AnswerObject(response.Body, "", origin);
    }

    public bool Has(string name) => Field(name) is not null;

    /// <summary>A string field, or null when absent or null.</summary>
    public string? Str(string name)
    {
        var v = Field(name);
        if (v is null) return null;
        return v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() : throw WrongType(name, v.Value, "a string");
    }

    /// <summary>A string field that must be present and not blank.</summary>
    public string RequiredStr(string name)
    {
        var s = Str(name);
        return string.IsNullOrWhiteSpace(s) ? throw Invalid(name, s is null ? "is missing" : "is blank") : s!;
    }

    /// <summary>A whole number, or null when absent or null; a numeric string or a fraction is refused.</summary>
    public long? Long(string name)
    {
        var v = Field(name);
        if (v is null) return null;
        if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt64(out var l)) return l;
        throw WrongType(name, v.Value, "a whole number");
    }

    public int? Int(string name)
    {
        var l = Long(name);
        return l is null || l is >= int.MinValue and <= int.MaxValue ? (int?)l : throw Invalid(name, "is out of range");
    }

    /// <summary>A boolean, or null when absent or null; "true" as a string is refused.</summary>
    public bool? Bool(string name)
    {
        var v = Field(name);
        if (v is null) return null;
        return v.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, v.Value, "a boolean"),
        };
    }

    /// <summary>A service timestamp (yyyy-MM-ddTHH:mm:ss with Z, +hhmm or +hh:mm), or null when absent, null or "".</summary>
    public DateTimeOffset? Time(string name)
    {
        var s = Str(name);
        if (s is null || s.Length == 0) return null;
        return RdsTimestamp.TryParse(s, out var t) ? t : throw Invalid(name, $"is {Quote(s)}, not a time");
    }

    /// <summary>A time in Unix milliseconds that must be present.</summary>
    public DateTimeOffset RequiredUnixMs(string name)
    {
        var ms = Long(name) ?? throw Invalid(name, "is missing");
        try { return DateTimeOffset.FromUnixTimeMilliseconds(ms); }
        catch (ArgumentOutOfRangeException) { throw Invalid(name, "is not a time in Unix milliseconds"); }
    }

    /// <summary>A nested object, or null when absent or null.</summary>
    public AnswerObject? Prop(string name)
    {
        var v = Field(name);
        if (v is null) return null;
        return v.Value.ValueKind == JsonValueKind.Object ? new AnswerObject(v.Value, Child(name), _origin) : throw WrongType(name, v.Value, "an object");
    }

    public AnswerObject RequiredProp(string name) => Prop(name) ?? throw Invalid(name, "is missing");

    /// <summary>An array of objects; empty when absent or null.</summary>
    public IReadOnlyList<AnswerObject> Array(string name) => List(name) ?? (IReadOnlyList<AnswerObject>)System.Array.Empty<AnswerObject>();

    /// <summary>An array of objects that must be present (a null list is an empty one): an answer without its list is not an empty list.</summary>
    public IReadOnlyList<AnswerObject> RequiredArray(string name)
    {
        if (_element.ValueKind != JsonValueKind.Object || !_element.TryGetProperty(name, out _)) throw Invalid(name, "is missing");
        return Array(name);
    }

    /// <summary>A shape error about a field of this object, for checks the readers cannot make (an unknown status, a different id).</summary>
    public RdsServiceException Invalid(string name, string problem) => _origin.Invalid($"field '{Child(name)}' {problem}");

    private List<AnswerObject>? List(string name)
    {
        var v = Field(name);
        if (v is null) return null;
        if (v.Value.ValueKind != JsonValueKind.Array) throw WrongType(name, v.Value, "an array");
        var items = new List<AnswerObject>();
        var i = 0;
        foreach (var item in v.Value.EnumerateArray())
        {
            var path = $"{Child(name)}[{i++.ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind != JsonValueKind.Object) throw _origin.Invalid($"field '{path}' is {KindName(item)}, not an object");
            items.Add(new AnswerObject(item, path, _origin));
        }
        return items;
    }

    private JsonElement? Field(string name) =>
        _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private string Child(string name) => _path.Length == 0 ? name : _path + "." + name;

    private RdsServiceException WrongType(string name, JsonElement value, string expected) => Invalid(name, $"is {KindName(value)}, not {expected}");

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>Text from the service, shortened for a message.</summary>
    internal static string Quote(string text) => "\"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"";
}

/// <summary>The request an answer belongs to, so that a shape error names it and its request id.</summary>
internal sealed class AnswerOrigin
{
    private readonly string _method;
    private readonly string _path;
    private readonly int _status;
    private readonly string? _requestId;

    public AnswerOrigin(string method, string path, int status, string? requestId)
    {
        _method = method;
        _path = path;
        _status = status;
        _requestId = requestId;
    }

    public RdsServiceException Invalid(string detail) =>
        new(RdsErrorKind.InvalidResponse, _method, _path, _status, null, null, _requestId, detail);
}
