using System.Text.Json.Serialization;

namespace RdsRecovery.Emulator.Store;

/// <summary>JSON text for the list columns.</summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Databases(IReadOnlyList<DatabaseEntry> databases) => JsonSerializer.Serialize(databases, Options);

    public static IReadOnlyList<DatabaseEntry> Databases(string json) =>
        JsonSerializer.Deserialize<List<DatabaseEntry>>(json, Options) ?? new List<DatabaseEntry>();

    public static string Relations(IReadOnlyList<RelationEntry> relations) => JsonSerializer.Serialize(relations, Options);

    public static IReadOnlyList<RelationEntry> Relations(string json) =>
        JsonSerializer.Deserialize<List<RelationEntry>>(json, Options) ?? new List<RelationEntry>();

    public static string Windows(IReadOnlyList<WindowSpec> windows) => JsonSerializer.Serialize(windows, Options);

    public static IReadOnlyList<WindowSpec> Windows(string json) =>
        JsonSerializer.Deserialize<List<WindowSpec>>(json, Options) ?? new List<WindowSpec>();
}
