using System.Collections.Specialized;

namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// -DatabaseName as <see cref="DatabaseMapTransformationAttribute"/> read it: a dictionary of old name to new name
/// (its entries are checked later, by <see cref="DatabaseMapReader"/> and the core), or a refusal of a value that is
/// not a map at all (see <see cref="BoundArgument"/>).
/// </summary>
public sealed class DatabaseMapArgument : BoundArgument
{
    private DatabaseMapArgument(IDictionary? map, RdsError? refusal) : base(refusal) => Map = map;

    /// <summary>The map as given (a hashtable, an ordered dictionary, or one made from an object or JSON text); null for a refusal.</summary>
    public IDictionary? Map { get; }

    public static DatabaseMapArgument Of(IDictionary map) => new(map, null);

    internal static DatabaseMapArgument Refused(RdsError refusal) => new(null, refusal);

    // PowerShell's own conversions to this type, for where the transformation attribute does not run (a Pester Mock
    // copies the parameter's type, not its transformation). They read the value exactly as the transformation does.

    /// <summary>Reads JSON text such as {"old":"new"} as -DatabaseName does; null when blank.</summary>
    public static DatabaseMapArgument? Parse(string text) => DatabaseMapTransformationAttribute.Read(text);

    /// <summary>Reads a value as -DatabaseName does.</summary>
    public static DatabaseMapArgument? FromValue(object? value) => DatabaseMapTransformationAttribute.Read(value);

    public static implicit operator DatabaseMapArgument?(Hashtable map) => FromValue(map);

    public static implicit operator DatabaseMapArgument?(OrderedDictionary map) => FromValue(map);

    /// <summary>The new name given for an old one (null for a refusal), so $DatabaseName['sales'] reads as on a hashtable.</summary>
    public object? this[object oldName] => Map?[oldName];

    public override string ToString() => Map is null ? $"(refused: {Refusal?.Id})" : $"map of {Map.Count} database(s)";
}
