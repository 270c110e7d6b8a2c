using System.Threading;
using System.Threading.Tasks;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// The reading cmdlets about one instance (Get-RdsBackup, Get-RdsRestoreWindow, Get-RdsSqlServerDatabase). Each binds
/// its own -InstanceId (their aliases differ); the piped object is also kept whole, so a restore job is refused rather
/// than read as its source instance.
/// </summary>
public abstract class InstanceReadCmdlet : RdsServiceCmdlet
{
    private readonly InstanceNameLookup _names = new();

    /// <summary>The piped object itself, so a restore job is refused rather than read as an instance.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The -InstanceId the cmdlet bound: an id or an exact name.</summary>
    protected abstract string InstanceReference { get; }

    protected override object? ErrorTarget => InstanceReference;

    protected sealed override void ProcessInput()
    {
        if (PipelineInput.IsRestoreJob(InputObject))
        {
            WriteRdsError(PipelineInput.JobIsNotAnInstance(InputObject));
            return;
        }
        ReadInstance();
    }

    /// <summary>Reads and writes what the cmdlet lists, for the bound instance.</summary>
    protected abstract void ReadInstance();

    /// <summary>The bound instance's id (a name is resolved once per pipeline).</summary>
    protected string RequestedInstanceId() => ResolveInstanceId(InstanceReference, "requested", "InstanceId");

    /// <summary>An instance already read by the cmdlet: its name then costs no request.</summary>
    protected void RememberInstance(RdsRecovery.Model.RdsInstance? instance)
    {
        if (instance is not null) _names.Remember(new[] { instance });
    }

    /// <summary>
    /// Lists, and reads the instance's name side by side, so each item shows which instance it belongs to by name;
    /// names already read this invocation cost no request.
    /// </summary>
    protected void WriteWithInstanceName<T>(string instanceId, Func<RdsClient, CancellationToken, Task<IReadOnlyList<T>>> list, Action<T, string?> setName)
    {
        _names.Remember(KnownInstances);
        var (items, name) = Call((client, token) => _names.WithNameAsync(client, instanceId, () => list(client, token), token));
        foreach (var item in items)
        {
            setName(item, name);
            WriteObject(item);
        }
    }
}
