using System.Threading;
using System.Threading.Tasks;
using RdsRecovery.Instances;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// Base of the cmdlets that talk to the service: the -Connection parameter (else the session default), one client
/// per invocation whose verbose and debug lines are written on the pipeline thread, and Ctrl+C cancelling all I/O.
/// </summary>
public abstract class RdsServiceCmdlet : RdsCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private RdsClient? _client;
    private RdsCallbackPump? _pump;
    private bool _logWanted;
    private InstanceReferenceResolver? _instances;

    /// <summary>The connection to use; by default the one Connect-RdsAccount set for this session.</summary>
    [Parameter]
    public RdsConnection? Connection { get; set; }

    /// <summary>The connection in force, or a terminating NotConnected error.</summary>
    protected internal RdsConnection ResolveConnection()
    {
        var connection = Connection ?? RdsSession.DefaultConnection;
        if (connection is null)
        {
            ThrowRdsError(new RdsError(RdsErrorIds.NotConnected,
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
                // Request lines are composed only when someone will read them: a poll loop over many jobs pays
                // for no text it throws away.
                _logWanted = IsStreamWanted("Verbose", "VerbosePreference") || IsStreamWanted("Debug", "DebugPreference");
                _client = ResolveConnection().CreateClient(new RdsClientOptions { Log = _logWanted ? _pump : null });
            }
            return _client;
        }
    }

    /// <summary>
    /// The id an instance parameter's value stands for (an id, or an instance's exact name). The instance list is read
    /// at most once per invocation, so a pipeline of rows costs one read. Offline (no connection, where the caller
    /// allows it) ids pass and names are refused. Throws RdsValidationException: the base writes it for this input.
    /// </summary>
    protected string ResolveInstanceId(string? value, string role, string parameterName, bool allowOffline = false)
    {
        if (_instances is null)
        {
            var connected = Connection is not null || RdsSession.DefaultConnection is not null;
            if (!connected && !allowOffline) ResolveConnection();
            _instances = connected ? new InstanceReferenceResolver(Client) : InstanceReferenceResolver.Offline();
        }
        var resolver = _instances;
        // Offline the resolver does no I/O.
        return _client is null
            ? resolver.ResolveAsync(value, role, parameterName, default).GetAwaiter().GetResult()
            : Call((_, token) => resolver.ResolveAsync(value, role, parameterName, token));
    }

    /// <summary>
    /// The time -RestoreTime Latest stands for now: the end of the source's newest restorable window, read from the
    /// service (also under -WhatIf: a read). Throws RdsValidationException with LatestRestoreTimeUnresolved (no
    /// connection) or NoRestoreWindow; the base writes it for this input.
    /// </summary>
    protected DateTimeOffset ResolveLatestRestoreTime(RestoreTimeArgument latest, string sourceInstanceId)
    {
        if (Connection is null && RdsSession.DefaultConnection is null)
            throw new RdsValidationException(LatestRestoreTime.Offline(latest.LatestAsGiven ?? LatestRestoreTime.Word));
        var time = Call((client, token) => LatestRestoreTime.ResolveAsync(client, sourceInstanceId, token));
        WriteVerbose(LatestRestoreTime.Describe(time, sourceInstanceId));
        return time;
    }

    /// <summary>The instance list, if a name lookup read it during this invocation.</summary>
    protected internal IReadOnlyList<RdsInstance>? KnownInstances => _instances?.KnownInstances;

    /// <summary>Runs client work, writing its verbose/debug lines here; Ctrl+C stops it.</summary>
    protected internal T Call<T>(Func<RdsClient, CancellationToken, Task<T>> work) => Run(work, pumped: _logWanted);

    /// <summary>Queues a callback (for example WriteProgress) for the pipeline thread while client work runs.</summary>
    internal void PostCallback(Action callback) => _pump?.Post(callback);

    /// <summary>Client work that reports progress while it runs (the shared job waiting): always pumped.</summary>
    internal T CallWaiter<T>(Func<RdsClient, CancellationToken, Task<T>> work) => Run(work, pumped: true);

    /// <summary>
    /// Pumped work runs on the pool while this thread writes what it posts, as it comes. Otherwise this thread
    /// simply waits for it (there is nothing to write meanwhile) and writes anything posted afterwards.
    /// </summary>
    private T Run<T>(Func<RdsClient, CancellationToken, Task<T>> work, bool pumped)
    {
        var client = Client;
        try
        {
            if (pumped) return _pump!.Run(token => work(client, token), _stopping.Token);
            try { return work(client, _stopping.Token).GetAwaiter().GetResult(); }
            finally { _pump!.Drain(); }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private bool IsStreamWanted(string switchName, string preferenceVariable)
    {
        if (MyInvocation.BoundParameters.TryGetValue(switchName, out var given)) return LanguagePrimitives.IsTrue(given);
        try
        {
            var preference = (ActionPreference)LanguagePrimitives.ConvertTo(GetVariableValue(preferenceVariable), typeof(ActionPreference), CultureInfo.InvariantCulture);
            return preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }
        catch (PSInvalidCastException)
        {
            return true;
        }
    }

    protected override void StopProcessing()
    {
        // A stop that arrives after the pipeline ended (and disposed this cmdlet) has nothing left to stop.
        try { _stopping.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    protected override void EndProcessing()
    {
        try { EndInput(); }
        catch (RdsException ex)
        {
            foreach (var record in ErrorRecords.Each(ex, null)) WriteError(record);
        }
        finally { _client?.Dispose(); }
    }

    /// <summary>PowerShell disposes a cmdlet when its pipeline ends: the stop signal, the pump and the client go with it.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _pump?.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Work after the last input (for example waiting for every job piped in).</summary>
    protected virtual void EndInput() { }
}
