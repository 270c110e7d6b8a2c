namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Reads named values, case-insensitively, from whatever a user hands over: a PSObject (ConvertFrom-Json,
/// Import-Csv, Select-Object), a hashtable, or a plain .NET object.
/// </summary>
internal sealed class PropertyBag
{
    private readonly IDictionary? _dictionary;
    private readonly PSObject? _object;

    private PropertyBag(IDictionary? dictionary, PSObject? psObject)
    {
        _dictionary = dictionary;
        _object = psObject;
    }

    /// <summary>A bag over <paramref name="value"/>, or null when it is a scalar (string, number, bool, date) that has no fields.</summary>
    public static PropertyBag? Over(object? value)
    {
        var raw = Unwrap(value);
        if (raw is null || raw is string || raw is ValueType) return null;
        if (raw is IDictionary dictionary) return new PropertyBag(dictionary, null);
        return new PropertyBag(null, value as PSObject ?? PSObject.AsPSObject(raw));
    }

    public static object? Unwrap(object? value) => value is PSObject pso && pso.BaseObject is not PSCustomObject ? pso.BaseObject : value;

    /// <summary>The value of the first of <paramref name="names"/> that is present (null values count as absent).</summary>
    public object? Get(params string[] names)
    {
        foreach (var name in names)
        {
            var value = GetOne(name);
            if (value is not null) return value;
        }
        return null;
    }

    private object? GetOne(string name)
    {
        if (_dictionary is not null)
        {
            foreach (DictionaryEntry entry in _dictionary)
            {
                if (entry.Key is string key && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    return Unwrap(entry.Value);
            }
            return null;
        }
        var property = _object!.Properties[name];
        if (property is null) return null;
        try
        {
            return Unwrap(property.Value);
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
