using System.Threading;
using System.Threading.Tasks;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// The names of instances a listing cmdlet reports on, read once per instance id per invocation, so windows and
/// databases show which instance they belong to by name. A name that cannot be read is left out (null): it only
/// decorates the view and must never fail the listing.
/// </summary>
internal sealed class InstanceNameLookup
{
    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);

    /// <summary>Names already read (for example by the name resolution of this invocation) cost no request.</summary>
    public void Remember(IReadOnlyList<RdsInstance>? instances)
    {
        if (instances is null) return;
        foreach (var instance in instances) _names[instance.Id] = instance.Name;
    }

    public async Task<string?> NameAsync(RdsClient client, string instanceId, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(instanceId, out var known)) return known;
        string? name;
        try
        {
            name = (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false))?.Name;
        }
        catch (RdsException)
        {
            name = null;
        }
        _names[instanceId] = name;
        return name;
    }

    /// <summary>Runs the listing and the name look-up side by side (one round trip of waiting, not two).</summary>
    public async Task<(IReadOnlyList<T> Items, string? Name)> WithNameAsync<T>(RdsClient client, string instanceId,
        Func<Task<IReadOnlyList<T>>> list, CancellationToken cancellationToken)
    {
        var name = NameAsync(client, instanceId, cancellationToken);
        var items = await list().ConfigureAwait(false);
        return (items, await name.ConfigureAwait(false));
    }
}
