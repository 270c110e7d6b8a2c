using System;
using System.Collections.Specialized;
using System.Management.Automation;

namespace RdsRecovery.PowerShell;

/// <summary>
/// Lets -DatabaseName take the map as the API writes it, also after ConvertFrom-Json (which gives an object, not a
/// hashtable): an object's properties become an ordered dictionary, in their order. Anything else passes through.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DatabaseMapTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is PSObject pso && pso.BaseObject is PSCustomObject)
        {
            var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var property in pso.Properties)
            {
                // A repeated name would throw here; let the core report duplicates instead, so keep the first.
                if (!map.Contains(property.Name)) map.Add(property.Name, property.Value);
            }
            return map;
        }
        return inputData;
    }
}
