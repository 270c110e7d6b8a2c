using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RdsRecovery.Api;
using RdsRecovery.Errors;
using RdsRecovery.PowerShell.Session;

namespace RdsRecovery.PowerShell;

/// <summary>
/// Base of the cmdlets that talk to the service: the -Connection parameter (else the session default), one client
/// per invocation whose verbose and debug lines are written on the pipeline thread, and Ctrl+C cancelling all I/O.
/// </summary>
public abstract class RdsServiceCmdlet : RdsCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private RdsClient? _client;
    private RdsCallbackPump? _pump;

    /// <summary>The connection to use; by default the one Connect-RdsAccount set for this session.</summary>
    [Parameter]
    public RdsConnection? Connection { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The connection in force, or a terminating NotConnected error.</summary>
    protected RdsConnection ResolveConnection()
    {
        var connection = Connection ?? RdsSession.DefaultConnection;
        if (connection is null)
        {
            ThrowRdsError(new RdsError(RdsErrorIds.NotConnected, RdsErrorCategory.InvalidOperation,
                "This session has no connection to the RDS service; nothing was sent. Run Connect-RdsAccount (or pass -Connection), then run the command again.",
                ErrorTarget));
        }
        return connection!;
    }

    /// <summary>A client for the connection in force, made once per invocation.</summary>
    protected RdsClient Client
    {
        get
        {
            if (_client is null)
            {
                _pump = new RdsCallbackPump(WriteVerbose, WriteDebug);
                _client = ResolveConnection().CreateClient(new RdsClientOptions { Log = _pump });
            }
            return _client;
        }
    }

    /// <summary>Runs client work, writing its verbose/debug lines here; Ctrl+C stops it.</summary>
    protected T Call<T>(Func<RdsClient, CancellationToken, Task<T>> work)
    {
        var client = Client;
        try
        {
            return _pump!.Run(token => work(client, token), _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Queues a callback (for example WriteProgress) for the pipeline thread while <see cref="Call{T}"/> runs.</summary>
    internal void PostCallback(Action callback) => _pump?.Post(callback);

    /// <summary><see cref="Call{T}"/> for helpers outside the cmdlet class (the shared job waiting).</summary>
    internal T CallWaiter<T>(Func<RdsClient, CancellationToken, Task<T>> work) => Call(work);

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void EndProcessing()
    {
        try { EndInput(); }
        catch (RdsException ex) { WriteError(ServiceErrorRecords.From(ex, null)); }
        finally { _client?.Dispose(); }
    }

    /// <summary>Work after the last input (for example waiting for every job piped in).</summary>
    protected virtual void EndInput() { }
}
