using System.Text.Json.Serialization;

namespace RdsRecovery.Emulator.Store;

/// <summary>
/// What a database- or table-level restore adds to its instance when its job completes: new databases (each with the
/// marker the old one had at the restore time) and new tables (each with the old table's marker then). Stored as the
/// job's restored_json under "partial", so <see cref="EmulatorStore.SettleDue(long)"/> tells it from an instance restore.
/// </summary>
internal sealed record PartialRestorePlan(IReadOnlyList<DatabaseEntry> Databases, IReadOnlyList<TableEntry> Tables)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(new Envelope(new Body(Databases.ToList(), Tables.ToList())), Options);

    /// <summary>Applies the plan when <paramref name="restoredJson"/> holds one; false for an instance restore's data.</summary>
    public static bool TryApply(SqliteConnection c, string instanceId, long atMs, string restoredJson)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(restoredJson, Options);
        }
        catch (JsonException)
        {
            return false;
        }
        if (envelope?.Partial is not { } plan) return false;
        var instance = EmulatorStore.Instance(c, instanceId);
        if (instance is null) return true;
        foreach (var database in plan.Databases)
            EmulatorStore.EditDatabase(c, instance, atMs, database.Name, true, database.Version, database.CharacterSet);
        foreach (var table in plan.Tables)
            EmulatorStore.InsertTableEvent(c, instanceId, new TableEvent(table.Database, table.Schema, table.Name, atMs, false, table.Marker));
        return true;
    }

    private sealed record Envelope(Body? Partial);

    private sealed record Body(List<DatabaseEntry> Databases, List<TableEntry> Tables);
}
