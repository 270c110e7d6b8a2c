namespace RdsRecovery.Rules.Checks;

/// <summary>One name a mapped database is restored under.</summary>
internal readonly record struct RestoredName(string Original, string Name, bool Renamed);

/// <summary>
/// The names a database map restores under. An empty new name keeps the original. Under a profile that allows
/// several comma-separated new names per database, each is a copy; the original name listed among several keeps
/// the original (the documented example {"A":"A,A1,A2"}), while a lone new name equal to the original is a rename
/// to itself (refused by DatabaseNameNotInUse).
/// </summary>
internal static class RestoredNames
{
    public static IReadOnlyList<RestoredName> Of(IReadOnlyList<KeyValuePair<string, string>> map, RestoreRuleProfile profile)
    {
        var names = new List<RestoredName>();
        foreach (var pair in map)
        {
            if (pair.Value.Length == 0)
            {
                names.Add(new RestoredName(pair.Key, pair.Key, false));
                continue;
            }
            var parts = profile.SeveralNewNamesPerDatabase ? pair.Value.Split(',') : new[] { pair.Value };
            foreach (var part in parts)
            {
                var keepsOriginal = parts.Length > 1 && string.Equals(part, pair.Key, StringComparison.OrdinalIgnoreCase);
                names.Add(new RestoredName(pair.Key, part, !keepsOriginal));
            }
        }
        return names;
    }
}
