namespace RdsRecovery.Validation;

/// <summary>
/// Shape of a SQL Server database map (old name to new name), checked whatever the engine: at least one entry,
/// old names not blank and unique case-insensitively (SQL Server names usually are), new names present as
/// strings (empty means "keep the original name"). What a new name may be is a compatibility rule
/// (<c>DatabaseNameAllowed</c>), not a shape check.
/// </summary>
// With Rules/Checks/DatabaseName*Rule.cs, twin of the emulator's Rules/DatabaseNameRules.cs; in step by EndToEnd.Compatibility.Tests.ps1, Hostile.Tests.ps1.
public static class DatabaseMapRules
{
    public static RdsError? Check(IEnumerable<KeyValuePair<string, string?>> map, string parameterName = "DatabaseName")
    {
        if (map is null) throw new ArgumentNullException(nameof(map));
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var pair in map)
        {
            count++;
            // Keys can still be null at run time when the map comes from outside C#.
            if (pair.Key is null || pair.Key.Trim().Length == 0)
                return Refuse($"entry {count} has a blank old name; name the database on the source that is to be restored", map, parameterName);
            if (pair.Value is null)
                return Refuse($"the new name for {DisplayText.Quote(pair.Key)} is null; give a name, or an empty string to keep {DisplayText.Quote(pair.Key)}", map, parameterName);
            if (seen.TryGetValue(pair.Key, out var earlier))
                return Refuse($"the old name {DisplayText.Quote(pair.Key)} appears twice (also as {DisplayText.Quote(earlier)}); database names are compared case-insensitively", map, parameterName);
            seen.Add(pair.Key, pair.Key);
        }
        if (count == 0)
            return Refuse("it is empty; leave the map out to restore every database", map, parameterName);
        return null;
    }

    internal static RdsError Refuse(string problem, object? map, string parameterName) =>
        new RdsError(RdsErrorIds.InvalidDatabaseMap,
            $"The database map is not well formed: {problem}. Write it as @{{ 'old name' = 'new name' }}; an empty new name keeps the original name.",
            map, parameterName);
}
