using RdsRecovery.Jobs;

namespace RdsRecovery.PowerShell.Waiting;

/// <summary>
/// The waiting shared by Wait-RdsRestoreJob and the -Wait of every restore cmdlet: polls every job at once, shows a
/// progress bar per job (the service's own percentage when it gives one, none invented), completes the bars,
/// then writes each job and an error record for each that did not end well.
/// </summary>
internal sealed class RestoreJobWaiting
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);
    /// <summary>Shorter intervals only load the service: a job takes minutes, and a tick-long interval sent thousands of requests a second.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The wait settings, checked before anything is sent (a restore with -Wait must not be sent and then fail on them).
    /// Any positive timeout is accepted; one too large for the clock waits without a deadline.
    /// </summary>
    public static RdsError? CheckSettings(TimeSpan timeout, TimeSpan pollInterval)
    {
        if (pollInterval < MinPollInterval)
            return new RdsError(RdsErrorIds.InvalidWaitSetting,
                $"-PollInterval {pollInterval} is too short: the least is {MinPollInterval.TotalMilliseconds:0} ms (the default is {DefaultPollInterval.TotalSeconds:0} s; it backs off from there). Nothing was sent.",
                pollInterval, "PollInterval");
        if (timeout <= TimeSpan.Zero)
            return new RdsError(RdsErrorIds.InvalidWaitSetting,
                $"-Timeout {timeout} is not positive: give how long to wait in all (the default is {DefaultTimeout.TotalHours:0} h). Nothing was sent.",
                timeout, "Timeout");
        return null;
    }

    private readonly RdsServiceCmdlet _cmdlet;
    private readonly List<RdsRestoreJob> _queued = new();
    private readonly Dictionary<string, int> _activityIds = new(StringComparer.Ordinal);
    private IReadOnlyList<RdsRestoreJob> _jobs = Array.Empty<RdsRestoreJob>();

    public RestoreJobWaiting(RdsServiceCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>A job to wait for once the input has ended (see <see cref="WaitAndWriteQueued"/>).</summary>
    public void Queue(RdsRestoreJob job) => _queued.Add(job);

    /// <summary>Waits for every queued job (nothing when none was queued) and writes each.</summary>
    public void WaitAndWriteQueued(TimeSpan timeout, TimeSpan pollInterval)
    {
        if (_queued.Count == 0) return;
        var jobs = _jobs = _queued;
        if (pollInterval <= TimeSpan.Zero) pollInterval = DefaultPollInterval;
        for (var i = 0; i < jobs.Count; i++) _activityIds[jobs[i].JobId] = 0x5D5 + i;
        var options = new RdsJobWaitOptions
        {
            Timeout = timeout,
            PollInterval = pollInterval,
            MaxPollInterval = pollInterval > TimeSpan.FromSeconds(60) ? pollInterval : TimeSpan.FromSeconds(60),
        };
        var results = _cmdlet.CallWaiter((client, token) =>
            new RdsJobWaiter(client, options).WaitAsync(jobs, progress => _cmdlet.PostCallback(() => ShowProgress(progress)), token));
        foreach (var result in results)
        {
            CompleteProgress(result.Job);
            _cmdlet.WriteObject(result.Job);
            if (result.Error is not null) _cmdlet.WriteError(ErrorRecords.From(result.Error));
        }
    }

    /// <summary>
    /// Called from StopProcessing (another thread): the pipeline is stopping, so this goes to the host. Only once the
    /// waiting has begun: a stop while restores are still being sent names no job.
    /// </summary>
    public void AnnounceStop()
    {
        var ids = _jobs.Where(j => !j.IsFinished).Select(j => j.JobId).ToList();
        if (ids.Count == 0) return;
        try
        {
            _cmdlet.Host.UI.WriteWarningLine($"Stopped waiting. {RdsJobWaiter.ResumeHint(ids)}");
        }
        catch (Exception)
        {
            // A host without UI: nothing to tell, and stopping must not fail.
        }
    }

    private void ShowProgress(RdsJobProgress progress)
    {
        var job = _jobs.FirstOrDefault(j => j.JobId == progress.JobId);
        var target = job?.TargetInstanceName ?? (string.IsNullOrEmpty(progress.TargetInstanceId) ? "instance" : progress.TargetInstanceId);
        var record = new ProgressRecord(ActivityId(progress.JobId), $"Restoring {target} (job {progress.JobId})",
            $"{progress.Status}{(progress.TargetStatus is null ? "" : ", target " + progress.TargetStatus)}, {progress.Elapsed:hh\\:mm\\:ss}: {progress.Description}");
        if (progress.ServicePercent is int percent) record.PercentComplete = Math.Max(0, Math.Min(100, percent));
        if (progress.IsFinal) record.RecordType = ProgressRecordType.Completed;
        _cmdlet.WriteProgress(record);
    }

    private void CompleteProgress(RdsRestoreJob job)
    {
        var record = new ProgressRecord(ActivityId(job.JobId), $"Restoring {job.TargetInstanceName ?? job.TargetInstanceId} (job {job.JobId})", job.Status.ToString())
        {
            RecordType = ProgressRecordType.Completed,
        };
        _cmdlet.WriteProgress(record);
    }

    private int ActivityId(string jobId) => _activityIds.TryGetValue(jobId, out var id) ? id : 0x5D5;
}
