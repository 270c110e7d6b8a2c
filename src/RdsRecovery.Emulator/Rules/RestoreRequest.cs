namespace RdsRecovery.Emulator.Rules;

/// <summary>The body of <c>POST /v3[.1]/{project_id}/instances/recovery</c>, checked for shape only (restore_all_database is read on both routes; v3 ignores it).</summary>
internal sealed record RestoreRequest(
    string SourceId, string TargetId, bool FromBackup, string? BackupId, long? RestoreTimeMs,
    IReadOnlyList<KeyValuePair<string, string>>? DatabaseNames, bool? RestoreAllDatabase = null)
{
    /// <summary>Parses the exact body bytes; throws <see cref="ApiException"/> (DBS.200006 empty, DBS.200001 otherwise).</summary>
    public static RestoreRequest Parse(ReadOnlyMemory<byte> body)
    {
        var root = JsonBody.Parse(body);
        var source = Object(root, "source");
        var target = Object(root, "target");
        var sourceId = JsonBody.String(source, "instance_id", "source.instance_id");
        var targetId = JsonBody.String(target, "instance_id", "target.instance_id");
        var type = JsonBody.OptionalString(source, "type", "source.type");
        var backupId = JsonBody.OptionalString(source, "backup_id", "source.backup_id");
        var restoreTime = JsonBody.OptionalMilliseconds(source, "restore_time", "source.restore_time");
        bool fromBackup;
        switch (type)
        {
            case "backup":
            case null when backupId is not null:
                if (string.IsNullOrEmpty(backupId)) throw ApiException.Parameter("Parameter error: source.backup_id is required when restoring from a backup.");
                fromBackup = true;
                break;
            case "timestamp":
                if (restoreTime is null) throw ApiException.Parameter("Parameter error: source.restore_time is required when source.type is timestamp.");
                fromBackup = false;
                break;
            case null:
                throw ApiException.Parameter("Parameter error: source.backup_id, or source.type timestamp with source.restore_time, is required.");
            default:
                throw ApiException.Parameter($"Parameter error: source.type '{type}' is not backup or timestamp.");
        }
        List<KeyValuePair<string, string>>? names = null;
        if (source.TryGetProperty("database_name", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object) throw ApiException.Parameter("Parameter error: source.database_name must be an object of old name to new name.");
            names = new List<KeyValuePair<string, string>>();
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                    throw ApiException.Parameter($"Parameter error: the new name for database '{property.Name}' must be a string.");
                names.Add(new(property.Name, property.Value.GetString()!));
            }
        }
        var restoreAll = JsonBody.OptionalBool(source, "restore_all_database", "source.restore_all_database");
        return new RestoreRequest(sourceId, targetId, fromBackup, fromBackup ? backupId : null, fromBackup ? null : restoreTime, names, restoreAll);
    }

    private static JsonElement Object(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
            throw ApiException.Parameter($"Parameter error: '{name}' is required and must be an object.");
        return value;
    }
}
