using System.Management.Automation.Runspaces;
using System.Threading;

namespace RdsRecovery.PowerShell.Background;

/// <summary>
/// What -AsJob returns: one of this module's commands run in-process, in its own runspace on its own thread, as a
/// PowerShell job (Get-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job). Its output is the command's own typed
/// objects, and its error, warning, verbose and progress records are the command's own.
/// </summary>
/// <remarks>
/// The command runs whole, with every rule it has in the foreground; the job adds nothing to it. Stop-Job stops the
/// command as Ctrl+C would: a wait ends, and a restore already sent goes on (the API has no cancel; the journal holds
/// it). See <see cref="BackgroundStart"/> for what the calling cmdlet decides before a job starts.
/// </remarks>
public sealed class RdsBackgroundJob : Job
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopRetry = TimeSpan.FromMilliseconds(200);

    private readonly BackgroundCommand _run;
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _ended = new(false);
    private readonly ManualResetEventSlim _stopReturned = new(false);
    private readonly ManualResetEventSlim _invokeEnded = new(false);
    private System.Management.Automation.PowerShell? _command;
    private bool _stopRequested;
    private string _status = "NotStarted";

    internal RdsBackgroundJob(BackgroundCommand run, string commandLine)
        : base(commandLine, run.Name)
    {
        _run = run;
        PSJobTypeName = nameof(RdsBackgroundJob);
    }

    public override bool HasMoreData =>
        Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0 || Debug.Count > 0 || Progress.Count > 0;

    public override string Location => "localhost";

    public override string StatusMessage => _status;

    internal void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = $"RdsRecovery job {Id}" };
        thread.Start();
    }

    /// <summary>Stop-Job: stops the command as Ctrl+C would, and returns once the job has ended (at most 30 s per wait).</summary>
    public override void StopJob()
    {
        System.Management.Automation.PowerShell? running;
        lock (_gate)
        {
            _stopRequested = true;
            running = _command;
        }
        try
        {
            // A stop that lands before Invoke starts only marks the idle command Stopped, and Invoke then runs it whole:
            // stop again until Invoke has ended (or the grace has passed), whatever state the command shows meanwhile.
            var deadline = DateTime.UtcNow + StopGrace;
            if (running is not null)
            {
                do running.Stop();
                while (!_invokeEnded.Wait(StopRetry) && DateTime.UtcNow < deadline);
            }
        }
        finally { _stopReturned.Set(); }
        _ended.Wait(StopGrace);
    }

    private void Run()
    {
        var finalState = JobState.Completed;
        Runspace? runspace = null;
        System.Management.Automation.PowerShell? command = null;
        try
        {
            var session = InitialSessionState.CreateDefault2();
            session.ImportPSModule(new[] { _run.ModulePath });
            runspace = RunspaceFactory.CreateRunspace(new BackgroundHost(this), session);
            runspace.Open();
            // A relative RDSRECOVERY_JOURNAL is read from the current location, so the job's must be the caller's.
            runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(_run.Location));
            command = System.Management.Automation.PowerShell.Create();
            command.Runspace = runspace;
            command.AddCommand(_run.Name).AddParameters(_run.Parameters);
            command.Streams.Error = Error;
            command.Streams.Warning = Warning;
            command.Streams.Verbose = Verbose;
            command.Streams.Debug = Debug;
            command.Streams.Progress = Progress;
            lock (_gate)
            {
                if (_stopRequested) return;
                _command = command;
            }
            SetState(JobState.Running, "Running");
            command.Invoke(_run.Input ?? (IEnumerable)Array.Empty<object>(), Output);
        }
        catch (Exception) when (StopRequested())
        {
            // Stopping makes the command end with PipelineStoppedException (or what its I/O saw): that is the stop.
        }
        catch (RuntimeException ex)
        {
            // A terminating error of the command (NotConnected, RestoreJobWaitTimeout, ...): its own record.
            Error.Add(ex.ErrorRecord);
            finalState = JobState.Failed;
        }
        catch (Exception ex)
        {
            Error.Add(ErrorRecords.Unexpected(ex, null));
            finalState = JobState.Failed;
        }
        finally
        {
            _invokeEnded.Set();
            // Stop-Job may still be inside PowerShell.Stop(): let it return before the command is disposed.
            bool stopping;
            lock (_gate)
            {
                _command = null;
                stopping = _stopRequested;
            }
            if (stopping)
            {
                _stopReturned.Wait(StopGrace);
                finalState = JobState.Stopped;
                Warning.Add(new WarningRecord(StoppedWords(runspace?.InstanceId ?? Guid.Empty)));
            }
            command?.Dispose();
            if (runspace is not null)
            {
                RdsSession.HandOver(runspace.InstanceId, _run.CallerRunspace);
                runspace.Dispose();
            }
            SetState(finalState, finalState.ToString());
            _ended.Set();
        }
    }

    /// <summary>Stopping ends a wait, never a restore: say which restores this job sent (the command says how to wait again).</summary>
    private static string StoppedWords(Guid jobRunspace)
    {
        var sent = RdsSession.SubmittedJobIdsOf(jobRunspace);
        return sent.Count == 0
            ? "Stopped. This job sent no restore; a restore it was waiting for goes on (the API has no cancel)."
            : $"Stopped. The {sent.Count} restore(s) this job sent go on (the API has no cancel) and are in the local journal: job {string.Join(", ", sent)}.";
    }

    private void SetState(JobState state, string status)
    {
        _status = status;
        SetJobState(state);
    }

    private bool StopRequested()
    {
        lock (_gate) return _stopRequested;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ended.Dispose();
            _stopReturned.Dispose();
            _invokeEnded.Dispose();
        }
        base.Dispose(disposing);
    }
}
