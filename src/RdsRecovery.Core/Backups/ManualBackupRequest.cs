using System.Text.Json;

namespace RdsRecovery.Backups;

/// <summary>
/// One validated manual backup (CreateManualBackup, POST /v3/{project_id}/backups, api-facts.md §2.8): the instance,
/// a name of the documented grammar, an optional description and, for SQL Server, a subset of databases.
/// </summary>
public sealed class ManualBackupRequest
{
    /// <summary>The request as confirmations name it (RdsClient.CreateManualBackupAsync sends it there).</summary>
    public const string Endpoint = "POST /v3/{project_id}/backups";

    private ManualBackupRequest() { }

    public string InstanceId { get; private init; } = "";
    public string Name { get; private init; } = "";
    public string? Description { get; private init; }
    /// <summary>SQL Server (and PostgreSQL, per the SDK): only these databases; null backs up the whole instance.</summary>
    public IReadOnlyList<string>? Databases { get; private init; }

    /// <summary>The request, or every reason it cannot be sent.</summary>
    public static bool TryCreate(string? instanceId, string? name, string? description, IEnumerable<string?>? databases,
        out ManualBackupRequest? request, out IReadOnlyList<RdsError> errors)
    {
        var found = new List<RdsError>();
        if (IdentifierRules.CheckInstanceId(instanceId, "backed-up", "InstanceId") is { } idError) found.Add(idError);
        if (ManualBackupRules.CheckName(name) is { } nameError) found.Add(nameError);
        if (ManualBackupRules.CheckDescription(description) is { } descriptionError) found.Add(descriptionError);
        List<string>? names = null;
        if (databases is not null)
        {
            names = databases.ToList()!;
            if (names.Count == 0 || names.Any(string.IsNullOrWhiteSpace))
                found.Add(new RdsError(RdsErrorIds.InvalidBackupDatabases,
                    "-DatabaseName needs one or more database names, none blank (leave it out to back up the whole instance). Nothing was sent.",
                    databases, "DatabaseName"));
            else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
                found.Add(new RdsError(RdsErrorIds.InvalidBackupDatabases,
                    "-DatabaseName names a database twice. Nothing was sent.", databases, "DatabaseName"));
        }
        errors = found;
        request = found.Count == 0
            ? new ManualBackupRequest { InstanceId = instanceId!, Name = name!, Description = string.IsNullOrEmpty(description) ? null : description, Databases = names }
            : null;
        return request is not null;
    }

    /// <summary>The exact body: {"instance_id","name"[,"description"][,"databases":[{"name"}]]}.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("instance_id", InstanceId);
            writer.WriteString("name", Name);
            if (Description is not null) writer.WriteString("description", Description);
            if (Databases is not null)
            {
                writer.WriteStartArray("databases");
                foreach (var database in Databases)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", database);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public override string ToString() => $"backup '{Name}' of {InstanceId}";
}
