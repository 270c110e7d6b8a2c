namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Reads the map of a -DatabaseName <see cref="DatabaseMapArgument"/> (a hashtable, an ordered dictionary, or an
/// object turned into one by <see cref="DatabaseMapTransformationAttribute"/>) into ordered pairs. Keys and values
/// must be strings; the rest of the shape (blank names, duplicates, null names) is checked by the core's
/// <see cref="DatabaseMapRules"/>.
/// </summary>
internal static class DatabaseMapReader
{
    public static bool TryRead(IDictionary? map, out List<KeyValuePair<string, string?>>? pairs, out RdsError? error)
    {
        pairs = null;
        error = null;
        if (map is null) return true;
        var list = new List<KeyValuePair<string, string?>>();
        foreach (DictionaryEntry entry in map)
        {
            var key = PropertyBag.Unwrap(entry.Key);
            var value = PropertyBag.Unwrap(entry.Value);
            if (key is not string oldName)
            {
                error = DatabaseMapRules.Refuse($"the old name {key} is a {key?.GetType().Name ?? "null"}, not a string", map, "DatabaseName");
                return false;
            }
            if (value is not null && value is not string)
            {
                error = DatabaseMapRules.Refuse($"the new name for {DisplayText.Quote(oldName)} is a {value.GetType().Name}, not a string", map, "DatabaseName");
                return false;
            }
            list.Add(new KeyValuePair<string, string?>(oldName, (string?)value));
        }
        pairs = list;
        return true;
    }
}
