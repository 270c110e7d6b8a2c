using System.Text.Json;

namespace RdsRecovery.Model;

public sealed partial class RestoreRequest
{
    /// <summary>
    /// The exact body of <c>POST /v3/{project_id}/instances/recovery</c>: compact JSON, fields in the order of the spec,
    /// <c>type</c> always sent, <c>restore_time</c> as integer Unix milliseconds UTC, optional fields left out (never null).
    /// Non-ASCII characters are written as \u escapes, which keeps the body ASCII and means the same to any JSON reader.
    /// <paramref name="restoreAllDatabases"/> adds <c>"restore_all_database": true</c> (v3.1, SQL Server without a map:
    /// see <see cref="Restore.RestoreWire"/>).
    /// </summary>
    public string ToJson(bool restoreAllDatabases = false) => Encoding.UTF8.GetString(ToJsonBytes(restoreAllDatabases));

    /// <summary>The UTF-8 bytes of <see cref="ToJson"/>: what is hashed for signing and sent.</summary>
    public byte[] ToJsonBytes(bool restoreAllDatabases = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("source");
            writer.WriteString("instance_id", SourceInstanceId);
            if (Mode == RestoreMode.Backup)
            {
                writer.WriteString("type", "backup");
                writer.WriteString("backup_id", BackupId);
            }
            else
            {
                writer.WriteString("type", "timestamp");
                writer.WriteNumber("restore_time", RestoreTimeUnixMilliseconds!.Value);
            }
            if (DatabaseMap is not null)
            {
                writer.WriteStartObject("database_name");
                foreach (var pair in DatabaseMap) writer.WriteString(pair.Key, pair.Value);
                writer.WriteEndObject();
            }
            if (restoreAllDatabases)
            {
                if (DatabaseMap is not null) throw new System.InvalidOperationException("restore_all_database is sent only without a database map.");
                writer.WriteBoolean("restore_all_database", true);
            }
            writer.WriteEndObject();
            writer.WriteStartObject("target");
            writer.WriteString("instance_id", TargetInstanceId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
