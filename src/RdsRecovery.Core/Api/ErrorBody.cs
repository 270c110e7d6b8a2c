using System.Text.Json;

namespace RdsRecovery.Api;

/// <summary>
/// Reads the code, message and request id of an error answer (status 400 or more). The HTTP status decides what
/// kind of failure it is; these fields add the service's code. A field of the wrong type is not turned into text:
/// it is left out and named in <see cref="Problem"/>, so the error says the body was unreadable there. A number is
/// taken as text for the code (IAM-style bodies, <c>{"error":{"code":401,...}}</c>, carry the status that way).
/// </summary>
internal sealed class ErrorBody
{
    private static readonly string[] CodeNames = { "error_code", "code", "errCode" };
    private static readonly string[] MessageNames = { "error_msg", "message", "externalMessage" };

    private readonly List<string> _problems = new();

    private ErrorBody() { }

    public string? Code { get; private set; }
    public string? Message { get; private set; }
    public string? RequestId { get; private set; }
    /// <summary>The fields that were present with the wrong type, as one sentence; null when none.</summary>
    public string? Problem => _problems.Count == 0 ? null : "The error answer's " + string.Join(", ", _problems) + ".";

    public static ErrorBody Read(JsonElement root)
    {
        var body = new ErrorBody();
        body.ReadFrom(root, "");
        if (body.Code is null && body.Message is null && root.ValueKind == JsonValueKind.Object)
        {
            // Some gateways nest the error one level down: {"error":{"code":...,"message":...}}.
            foreach (var p in root.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Object) continue;
                body.ReadFrom(p.Value, p.Name + ".");
                if (body.Code is not null || body.Message is not null) break;
            }
        }
        body.RequestId = body.Text(root, "", "request_id", numberIsText: false);
        return body;
    }

    private void ReadFrom(JsonElement e, string prefix)
    {
        foreach (var name in CodeNames) Code ??= Text(e, prefix, name, numberIsText: true);
        foreach (var name in MessageNames) Message ??= Text(e, prefix, name, numberIsText: false);
    }

    private string? Text(JsonElement e, string prefix, string name, bool numberIsText)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.String: return v.GetString();
            case JsonValueKind.Null: return null;
            case JsonValueKind.Number when numberIsText: return v.GetRawText();
            default:
                _problems.Add($"field '{prefix}{name}' is {(v.ValueKind == JsonValueKind.Array ? "an array" : v.ValueKind == JsonValueKind.Object ? "an object" : "a " + v.ValueKind.ToString().ToLowerInvariant())}, not text");
                return null;
        }
    }
}
