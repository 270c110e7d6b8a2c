using System;
using System.Collections.Generic;
using System.Linq;
using RdsRecovery.Emulator.Http;
using RdsRecovery.Emulator.Store;

namespace RdsRecovery.Emulator.Rules;

/// <summary>
/// The SQL Server <c>database_name</c> map, by the seed spec: only named databases are restored; a new
/// name is 1-128 of [A-Za-z0-9_], contains no reserved word, and equals no database name on the source
/// or the target; an empty new name keeps the original.
/// </summary>
// Deliberate twin of RdsRecovery.Core/Rules/Checks/DatabaseName*Rule.cs; in step by tests/Pester/EndToEnd.Compatibility.Tests.ps1 and Hostile.Tests.ps1.
internal static class DatabaseNameRules
{
    public static readonly string[] Reserved = { "rdsadmin", "master", "msdb", "tempdb", "model", "resource" };

    /// <summary>The target's databases after the restore.</summary>
    public static IReadOnlyList<DatabaseEntry> Apply(IReadOnlyList<KeyValuePair<string, string>> map,
        IReadOnlyList<DatabaseEntry> restoredSource, IReadOnlyList<DatabaseEntry> sourceNow, IReadOnlyList<DatabaseEntry> targetNow)
    {
        if (map.Count == 0) throw ApiException.Parameter("Parameter error: database_name must name at least one database.");
        var result = targetNow.ToList();
        var newNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (oldName, requested) in map)
        {
            var database = restoredSource.FirstOrDefault(d => string.Equals(d.Name, oldName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ApiException(400, ErrorCodes.DatabaseNotFound, $"The database name does not exist: '{oldName}' is not in the source data being restored.");
            var newName = requested.Length == 0 ? database.Name : requested;
            if (requested.Length > 0)
            {
                CheckShape(newName);
                if (Clashes(newName, sourceNow) || Clashes(newName, targetNow) || Clashes(newName, restoredSource))
                    throw new ApiException(400, ErrorCodes.DatabaseNameClash,
                        $"The database name must be different from the original and target database names: '{newName}' already exists.");
            }
            if (!newNames.Add(newName))
                throw ApiException.Parameter($"Parameter error: the new database name '{newName}' is used more than once.");
            result.RemoveAll(d => string.Equals(d.Name, newName, StringComparison.OrdinalIgnoreCase));
            result.Add(database with { Name = newName });
        }
        return result;
    }

    private static bool Clashes(string name, IReadOnlyList<DatabaseEntry> databases) =>
        databases.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void CheckShape(string name)
    {
        if (name.Length is < 1 or > 128 || !name.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            throw ApiException.Parameter($"Parameter error: the new database name '{name}' must be 1-128 letters, digits or underscores.");
        var reserved = Reserved.FirstOrDefault(r => name.Contains(r, StringComparison.OrdinalIgnoreCase));
        if (reserved is not null)
            throw ApiException.Parameter($"Parameter error: the new database name '{name}' must not contain '{reserved}'.");
    }
}
