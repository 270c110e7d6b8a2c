using System.Text.Json;
using RdsRecovery.Rules;

namespace RdsRecovery.Model;

public sealed partial class PartialRestoreRequest
{
    /// <summary>
    /// The API that takes this restore, as "METHOD path" with {project_id} left in (api-facts.md §2.8, the SDKs'
    /// BatchRestoreDatabase, RestoreTablesNew and BatchRestorePostgreSqlTables).
    /// </summary>
    public string PathTemplate => Kind switch
    {
        RestoreKind.Database => "/v3/{project_id}/instances/batch/restore/databases",
        RestoreKind.Table when Engine == RdsEngine.MySql => "/v3.1/{project_id}/instances/" + InstanceId + "/restore/tables",
        RestoreKind.Table when Engine == RdsEngine.PostgreSql => "/v3/{project_id}/instances/batch/restore/tables",
        _ => throw new InvalidOperationException($"The service has no table restore for {RdsEngines.DisplayName(Engine)}."),
    };

    /// <summary>The path for a project, each segment escaped.</summary>
    public string Path(string projectId) => PathTemplate
        .Replace("{project_id}", Uri.EscapeDataString(projectId))
        .Replace("/instances/" + InstanceId + "/", "/instances/" + Uri.EscapeDataString(InstanceId) + "/");

    /// <summary>The exact body: compact JSON in the SDK models' field order, restore_time as Unix milliseconds UTC.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>The UTF-8 bytes of <see cref="ToJson"/>: what is hashed for signing and sent.</summary>
    public byte[] ToJsonBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            _ = PathTemplate; // TryCreateTables refuses an engine without a table API; this guards anything else before writing
            if (Kind == RestoreKind.Table && Engine == RdsEngine.MySql) WriteMySqlTables(writer);
            else WriteBatch(writer);
        }
        return stream.ToArray();
    }

    // BatchRestoreDatabase and BatchRestorePostgreSqlTables: {"instances":[{restore_time, instance_id, ...}]}; one instance per request.
    private void WriteBatch(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteOneObjectArray(writer, "instances", () =>
        {
            writer.WriteNumber("restore_time", RestoreTimeUnixMilliseconds);
            writer.WriteString("instance_id", InstanceId);
            if (Kind == RestoreKind.Database)
            {
                if (FastRestore) writer.WriteBoolean("is_fast_restore", true);
                WriteRenames(writer, "databases");
                return;
            }
            WriteOneObjectArray(writer, "databases", () =>
            {
                writer.WriteString("database", Database);
                WriteOneObjectArray(writer, "schemas", () =>
                {
                    writer.WriteString("schema", Schema);
                    WriteRenames(writer, "tables");
                });
            });
        });
        writer.WriteEndObject();
    }

    // RestoreTablesNew (v3.1): {"restore_time", "restore_tables":[{"database","tables":[...]}], "is_fast_restore"}.
    private void WriteMySqlTables(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("restore_time", RestoreTimeUnixMilliseconds);
        WriteOneObjectArray(writer, "restore_tables", () =>
        {
            writer.WriteString("database", Database);
            WriteRenames(writer, "tables");
        });
        if (FastRestore) writer.WriteBoolean("is_fast_restore", true);
        writer.WriteEndObject();
    }

    // "name":[{...}]: the bodies nest arrays that hold a single object (one instance, one database, one schema).
    private static void WriteOneObjectArray(Utf8JsonWriter writer, string name, Action writeMembers)
    {
        writer.WriteStartArray(name);
        writer.WriteStartObject();
        writeMembers();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private void WriteRenames(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartArray(name);
        foreach (var rename in Renames)
        {
            writer.WriteStartObject();
            writer.WriteString("old_name", rename.OldName);
            writer.WriteString("new_name", rename.NewName);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
