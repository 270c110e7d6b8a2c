using System.Collections.Specialized;
using System.Text.Json;

namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Lets -DatabaseName take the map as the API writes it, also after ConvertFrom-Json (which gives an object, not a
/// hashtable) or as JSON text (a CSV cell): an object's properties become an ordered dictionary, in their order.
/// A blank string means "no map" (an empty CSV cell). Anything else that is not a dictionary is refused with
/// InvalidDatabaseMap inside the returned <see cref="DatabaseMapArgument"/>: binding must not fail, because a failed
/// by-property-name binding of an optional parameter is silently skipped, and the restore would then replace every
/// database instead of the ones the map named (see <see cref="BoundArgument"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DatabaseMapTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Read(inputData);

    /// <summary>The reading itself, also behind <see cref="DatabaseMapArgument"/>'s own conversions.</summary>
    internal static DatabaseMapArgument? Read(object? inputData)
    {
        var value = inputData is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
                return null;
            case DatabaseMapArgument already:
                return already;
            case PSObject pso:
                var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                foreach (var property in pso.Properties)
                {
                    // A repeated name would throw here; let the core report duplicates instead, so keep the first.
                    if (!map.Contains(property.Name)) map.Add(property.Name, property.Value);
                }
                return DatabaseMapArgument.Of(map);
            case IDictionary dictionary:
                return DatabaseMapArgument.Of(dictionary);
            case string text when text.Trim().Length == 0:
                return null;
            case string text:
                return FromJson(text);
            default:
                return Refused($"it is a {value.GetType().Name}, not a map of old name to new name", value);
        }
    }

    private static DatabaseMapArgument Refused(string problem, object given) =>
        DatabaseMapArgument.Refused(DatabaseMapRules.Refuse(problem, given, "DatabaseName"));

    private static DatabaseMapArgument FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Refused($"the text is JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object", text);
            var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                object? entry = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    // Kept as a number, object, ...: the map reader refuses a new name that is not a string.
                    _ => property.Value.Clone(),
                };
                if (!map.Contains(property.Name)) map.Add(property.Name, entry);
            }
            return DatabaseMapArgument.Of(map);
        }
        catch (JsonException)
        {
            return Refused("the text is not a JSON object such as {\"old name\":\"new name\"}", text);
        }
    }
}
