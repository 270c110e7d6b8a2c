using System.Text.Json;

namespace RdsRecovery.Json;

/// <summary>
/// Lenient readers over JsonElement for our own request bodies (a missing or oddly typed field gives null).
/// Never for the service's answers: those are read with <see cref="AnswerObject"/>, which refuses a wrong type.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
