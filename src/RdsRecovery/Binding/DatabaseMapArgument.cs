using System.Collections;
using RdsRecovery.Errors;

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

    public override string ToString() => Map is null ? $"(refused: {Refusal?.Id})" : $"map of {Map.Count} database(s)";
}
