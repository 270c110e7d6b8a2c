namespace RdsRecovery.Emulator.Rules;

/// <summary>
/// The SQL Server <c>database_name</c> map: only named databases are restored. A new name follows the route's
/// policy (v3: 1-128 of [A-Za-z0-9_]; v3.1: 1-64 of [A-Za-z0-9_-], several comma-separated names per database),
/// contains no reserved word, and equals no database name on the source, the target or in the restored data. An
/// empty new name keeps the original, which must not already be on the target: the service never replaces a
/// database by restoring over it (DBS.201035).
/// </summary>
// Deliberate twin of RdsRecovery.Core/Rules/Checks/DatabaseName*Rule.cs; in step by tests/Pester/EndToEnd.Compatibility.Tests.ps1, EndToEnd.Sweep.Tests.ps1 and Hostile.Tests.ps1.
internal static class DatabaseNameRules
{
    public static readonly string[] Reserved = { "rdsadmin", "master", "msdb", "tempdb", "model", "resource" };

    /// <summary>The target's databases after the restore.</summary>
    public static IReadOnlyList<DatabaseEntry> Apply(IReadOnlyList<KeyValuePair<string, string>> map,
        IReadOnlyList<DatabaseEntry> restoredSource, IReadOnlyList<DatabaseEntry> sourceNow, IReadOnlyList<DatabaseEntry> targetNow, RuleBook book)
    {
        if (map.Count == 0) throw ApiException.Parameter("Parameter error: database_name must name at least one database.");
        var result = targetNow.ToList();
        var newNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (oldName, requested) in map)
        {
            var database = restoredSource.FirstOrDefault(d => string.Equals(d.Name, oldName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ApiException(400, ErrorCodes.DatabaseNotFound, $"The database name does not exist: '{oldName}' is not in the source data being restored.");
            var parts = requested.Length == 0 ? new[] { "" } : book.SeveralNamesPerDatabase ? requested.Split(',') : new[] { requested };
            foreach (var part in parts)
            {
                // The original listed among several names is one more copy under the original name ({"A":"A,A1"}).
                var keepsOriginal = part.Length == 0 && requested.Length == 0
                    || (parts.Length > 1 && string.Equals(part, database.Name, StringComparison.OrdinalIgnoreCase));
                var newName = keepsOriginal ? database.Name : part;
                if (keepsOriginal)
                {
                    if (Clashes(newName, targetNow))
                        throw new ApiException(400, ErrorCodes.DatabaseNameClash,
                            $"The database name must be different from the original and target database names: '{newName}' already exists on the target.");
                }
                else
                {
                    CheckShape(newName, book);
                    if (Clashes(newName, sourceNow) || Clashes(newName, targetNow) || Clashes(newName, restoredSource)
                        || map.Any(p => string.Equals(p.Key, newName, StringComparison.OrdinalIgnoreCase)))
                        throw new ApiException(400, ErrorCodes.DatabaseNameClash,
                            $"The database name must be different from the original and target database names: '{newName}' already exists.");
                }
                if (!newNames.Add(newName))
                    throw ApiException.Parameter($"Parameter error: the new database name '{newName}' is used more than once.");
                result.Add(database with { Name = newName });
            }
        }
        return result;
    }

    private static bool Clashes(string name, IReadOnlyList<DatabaseEntry> databases) =>
        databases.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void CheckShape(string name, RuleBook book)
    {
        var allowed = book.NameAllowsHyphen ? "letters, digits, underscores or hyphens" : "letters, digits or underscores";
        if (name.Length < 1 || name.Length > book.NameMaxLength
            || !name.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' || (c == '-' && book.NameAllowsHyphen)))
            throw ApiException.Parameter($"Parameter error: the new database name '{name}' must be 1-{book.NameMaxLength} {allowed}.");
        var reserved = Reserved.FirstOrDefault(r => name.Contains(r, StringComparison.OrdinalIgnoreCase));
        if (reserved is not null)
            throw ApiException.Parameter($"Parameter error: the new database name '{name}' must not contain '{reserved}'.");
    }
}
