using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using RdsRecovery.PowerShell.Commands;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>Runs script in a fresh runspace that holds the module's cmdlets, and hands back output and errors.</summary>
internal sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost()
    {
        var state = InitialSessionState.CreateDefault2();
        // Every cmdlet of the module, found the way PowerShell finds them: by their [Cmdlet] attribute.
        foreach (var type in typeof(RestoreRdsInstanceCommand).Assembly.GetTypes())
        {
            if (type.GetCustomAttributes(typeof(CmdletAttribute), false).FirstOrDefault() is CmdletAttribute cmdlet)
                state.Commands.Add(new SessionStateCmdletEntry($"{cmdlet.VerbName}-{cmdlet.NounName}", type, null));
        }
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public Result Run(string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }
        // A PSCustomObject's fields live on its PSObject wrapper: keep the wrapper for those.
        return new Result(output.Select(o => o?.BaseObject is PSCustomObject ? o : o?.BaseObject).ToList(), ps.Streams.Error.ToList(), terminating);
    }

    public void Dispose() => _runspace.Dispose();

    public sealed record Result(List<object?> Output, List<ErrorRecord> Errors, Exception? Terminating);
}
