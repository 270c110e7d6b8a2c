using System.Collections.Concurrent;

namespace RdsRecovery.Api;

/// <summary>
/// Runs async client work from a synchronous caller (a cmdlet's ProcessRecord) and executes the callbacks the
/// work raises (verbose, debug, progress) on the caller's thread, in order, since PowerShell's Write* methods
/// may only be called there. Use it as the client's <see cref="IRdsClientLog"/> and Post progress to it.
/// </summary>
public sealed class RdsCallbackPump : IRdsClientLog, IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Action<string> _verbose;
    private readonly Action<string> _debug;

    public RdsCallbackPump(Action<string> verbose, Action<string> debug)
    {
        _verbose = verbose ?? throw new ArgumentNullException(nameof(verbose));
        _debug = debug ?? throw new ArgumentNullException(nameof(debug));
    }

    public void Verbose(string message) => Post(() => _verbose(message));

    public void Debug(string message) => Post(() => _debug(message));

    /// <summary>Queues a callback for the thread that is inside <see cref="Run{T}"/> (or the next <see cref="Drain"/>).</summary>
    public void Post(Action callback)
    {
        if (callback is null) throw new ArgumentNullException(nameof(callback));
        _queue.Add(callback);
    }

    /// <summary>Starts the work on the thread pool, runs posted callbacks here until it ends, then returns its result or throws its exception.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (work is null) throw new ArgumentNullException(nameof(work));
        // The work observes the token itself; the task always starts, so the work's own cancellation is what surfaces.
        var task = Task.Run(() => work(cancellationToken), CancellationToken.None);
        Pump(task);
        return task.GetAwaiter().GetResult();
    }

    public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        if (work is null) throw new ArgumentNullException(nameof(work));
        var task = Task.Run(() => work(cancellationToken), CancellationToken.None);
        Pump(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs every callback queued so far.</summary>
    public void Drain()
    {
        while (_queue.TryTake(out var action)) action();
    }

    public void Dispose() => _queue.Dispose();

    private void Pump(Task task)
    {
        // A no-op posted on completion wakes the loop below; callbacks posted before it run first, in order.
        task.ContinueWith(_ => _queue.Add(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            var action = _queue.Take();
            action();
        }
        Drain();
    }
}
