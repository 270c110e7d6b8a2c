namespace RdsRecovery.Validation;

/// <summary>
/// Shape of the rename map of a database or table restore (old name to new name): at least one entry, no blank old
/// or new name, every new name different from its old one (the service restores next to the original, never over
/// it), no old name and no new name twice. Names are compared case-insensitively, as MySQL does on most instances.
/// What a new name may contain is the rule <c>DatabaseNameAllowed</c> / <c>TableNameAllowed</c>, not a shape check.
/// </summary>
public static class RenameMapRules
{
    public static RdsError? Check(IReadOnlyList<KeyValuePair<string, string?>> map, RestoreKind kind, string parameterName)
    {
        if (map is null) throw new ArgumentNullException(nameof(map));
        var olds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var news = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < map.Count; i++)
        {
            var (oldName, newName) = (map[i].Key?.Trim(), map[i].Value?.Trim());
            if (string.IsNullOrEmpty(oldName))
                return Refuse(kind, $"entry {i + 1} has a blank old name; name the {Noun(kind)} to restore", map, parameterName);
            if (string.IsNullOrEmpty(newName))
                return Refuse(kind, $"the new name for {DisplayText.Quote(oldName)} is {(newName is null ? "null" : "blank")}; the {Noun(kind)} is restored next to the original, under a new name", map, parameterName);
            if (string.Equals(oldName, newName, StringComparison.OrdinalIgnoreCase))
                return Refuse(kind, $"{DisplayText.Quote(oldName)} would be restored under its own name; give a new name (the original is left as it is)", map, parameterName);
            if (!olds.Add(oldName!))
                return Refuse(kind, $"the old name {DisplayText.Quote(oldName)} appears twice (names are compared case-insensitively)", map, parameterName);
            if (!news.Add(newName!))
                return Refuse(kind, $"the new name {DisplayText.Quote(newName)} is given twice (names are compared case-insensitively)", map, parameterName);
        }
        return map.Count == 0 ? Refuse(kind, "it is empty", map, parameterName) : null;
    }

    public static RdsError Refuse(RestoreKind kind, string problem, object? map, string parameterName) =>
        new(kind == RestoreKind.Table ? RdsErrorIds.InvalidTableMap : RdsErrorIds.InvalidDatabaseMap, $"The {Noun(kind)} map is not well formed: {problem}. Write it as @{{ 'old name' = 'new name' }}; nothing was sent.",
            map, parameterName);

    private static string Noun(RestoreKind kind) => kind == RestoreKind.Table ? "table" : "database";
}
