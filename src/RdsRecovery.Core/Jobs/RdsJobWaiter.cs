using System.Collections.Concurrent;

namespace RdsRecovery.Jobs;

/// <summary>
/// Waits for many restore jobs from one call: each job on its own back-off schedule, a bounded number of
/// requests in flight, new jobs tolerated while not yet visible, and completion only once the job is Completed
/// and its target is ACTIVE again. A timeout or cancellation stops the waiting, never the restore.
/// </summary>
public sealed class RdsJobWaiter
{
    private readonly RdsClient _client;
    private readonly RdsJobWaitOptions _options;

    public RdsJobWaiter(RdsClient client, RdsJobWaitOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new RdsJobWaitOptions();
        if (_options.PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "PollInterval must be positive.");
        if (_options.MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrency must be at least 1.");
    }

    /// <summary>The text that tells a user how to resume waiting for jobs that go on.</summary>
    public static string ResumeHint(IEnumerable<string> jobIds)
    {
        var ids = jobIds.Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList();
        var list = ids.Count == 0 ? "<job id>" : string.Join(",", ids.Select(i => "'" + i + "'"));
        return $"The restore goes on (the API cannot cancel it). To wait again: Get-RdsRestoreJob -JobId {list} | Wait-RdsRestoreJob";
    }

    /// <summary>
    /// Polls until every job has ended or the timeout passes. <paramref name="progress"/> is called after every
    /// poll of every job, one call at a time (from pool threads). Cancellation throws OperationCanceledException.
    /// The jobs passed in are updated in place and returned in the results, in input order (duplicates once).
    /// </summary>
    public async Task<IReadOnlyList<RdsJobWaitResult>> WaitAsync(
        IEnumerable<RdsRestoreJob> jobs, Action<RdsJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (jobs is null) throw new ArgumentNullException(nameof(jobs));
        var start = _options.Clock();
        // A timeout too large to add to the clock means "no deadline" rather than an overflow after the restore was sent.
        var deadline = _options.Timeout is TimeSpan t && t < DateTimeOffset.MaxValue - start ? start + t : (DateTimeOffset?)null;
        var trackers = new List<Tracker>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job is null || string.IsNullOrWhiteSpace(job.JobId)) throw new ArgumentException("Every job needs a job id.", nameof(jobs));
            if (!seen.Add(job.JobId)) continue;
            // A job this machine submitted moments ago may be invisible for a few seconds; one submitted long ago, or
            // not by this machine (no submission time), is simply unknown, and says so at the first poll.
            trackers.Add(new Tracker(job, start, job.SubmittedAt ?? DateTimeOffset.MinValue, _options.PollInterval));
        }

        var report = new object();
        void Report(Tracker tr, string description, bool final)
        {
            if (progress is null) return;
            var p = new RdsJobProgress
            {
                JobId = tr.Job.JobId, TargetInstanceId = tr.Job.TargetInstanceId, Status = tr.Job.Status, ServiceProgress = tr.Job.Progress,
                TargetStatus = tr.Job.TargetStatus, Elapsed = _options.Clock() - start, Description = description,
                IsFinal = final, Outcome = tr.Result?.Outcome,
            };
            lock (report) progress(p);
        }

        using var gate = new SemaphoreSlim(_options.MaxConcurrency);
        // The timeout bounds the whole wait, a poll in flight included: at the deadline every request is cancelled.
        using var deadlineReached = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout is TimeSpan limit && limit.TotalMilliseconds < int.MaxValue) deadlineReached.CancelAfter(limit);
        try
        {
            await PollUntilDoneAsync(trackers, gate, deadline, Report, deadlineReached.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadlineReached.IsCancellationRequested)
        {
            TimeOut(trackers.Where(x => x.Result is null), Report);
        }
        return trackers.Select(x => x.Result!).ToList();
    }

    private async Task PollUntilDoneAsync(List<Tracker> trackers, SemaphoreSlim gate, DateTimeOffset? deadline,
        Action<Tracker, string, bool> Report, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = trackers.Where(x => x.Result is null).ToList();
            if (pending.Count == 0) break;
            var now = _options.Clock();
            var due = pending.Where(x => x.NextPoll <= now).ToList();
            if (due.Count > 0)
            {
                // Jobs restoring into the same instance share one look-up of it per round.
                var targetLookups = new ConcurrentDictionary<string, Lazy<Task<RdsInstance?>>>(StringComparer.Ordinal);
                await Task.WhenAll(due.Select(async x =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try { await PollAsync(x, Report, targetLookups, cancellationToken).ConfigureAwait(false); }
                    finally { gate.Release(); }
                })).ConfigureAwait(false);
                continue;
            }
            var next = pending.Min(x => x.NextPoll);
            if (deadline is DateTimeOffset d && next > d)
            {
                if (now >= d)
                {
                    TimeOut(pending, Report);
                    break;
                }
                await _options.Delay(d - now, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await _options.Delay(next - now, cancellationToken).ConfigureAwait(false);
        }
    }

    private void TimeOut(IEnumerable<Tracker> pending, Action<Tracker, string, bool> report)
    {
        foreach (var x in pending.ToList())
        {
            x.Finish(RdsJobWaitOutcome.TimedOut, RdsErrorIds.RestoreJobWaitTimeout,
                $"Stopped waiting for restore job {x.Job.JobId} (target {Target(x)}) after {Format(_options.Timeout!.Value)}; last status {Describe(x)}. "
                + ResumeHint(new[] { x.Job.JobId }));
            report(x, "wait timed out", true);
        }
    }

    private async Task PollAsync(Tracker tr, Action<Tracker, string, bool> report,
        ConcurrentDictionary<string, Lazy<Task<RdsInstance?>>> targetLookups, CancellationToken ct)
    {
        var job = tr.Job;
        if (!tr.WaitingForTarget)
        {
            RdsJobInfo info;
            try
            {
                info = await _client.GetJobAsync(job.JobId, ct).ConfigureAwait(false);
            }
            catch (RdsServiceException ex) when (ex.IsJobNotFound)
            {
                if (_options.Clock() - tr.VisibleBy < _options.NotVisibleGrace)
                {
                    if (job.Status == RdsJobStatus.Unknown) job.Status = RdsJobStatus.Submitted;
                    Schedule(tr);
                    report(tr, "not yet visible", false);
                }
                else
                {
                    var when = job.SubmittedAt is null
                        ? "and this machine has no record of submitting it (check the id)"
                        : $"{Format(_options.NotVisibleGrace)} after it was submitted";
                    tr.Finish(RdsJobWaitOutcome.NotFound, RdsErrorIds.RestoreJobNotFound,
                        $"Restore job {job.JobId} is not known to the service {when} ({ex.ErrorCode ?? "HTTP " + ex.HttpStatus}, request id {ex.RequestId ?? "none"}).", ex);
                    report(tr, "not found", true);
                }
                return;
            }
            catch (RdsServiceException ex)
            {
                HandlePollError(tr, ex, report);
                return;
            }
            tr.Errors = 0;
            info.ApplyTo(job);
            if (job.Status == RdsJobStatus.Failed)
            {
                tr.Finish(RdsJobWaitOutcome.Failed, RdsErrorIds.RestoreJobFailed,
                    $"Restore job {job.JobId} (target {Target(tr)}) failed: {job.FailReason ?? "the service gave no reason"}.");
                report(tr, "failed", true);
                return;
            }
            if (job.Status != RdsJobStatus.Completed)
            {
                Schedule(tr);
                report(tr, job.Progress is null ? job.Status.ToString() : $"{job.Status} ({job.Progress})", false);
                return;
            }
            if (!_options.WaitForTargetActive || string.IsNullOrWhiteSpace(job.TargetInstanceId))
            {
                tr.Finish(RdsJobWaitOutcome.Completed);
                report(tr, "completed", true);
                return;
            }
            tr.WaitingForTarget = true;
        }

        RdsInstance? target;
        try
        {
            var lookup = targetLookups.GetOrAdd(job.TargetInstanceId, id => new Lazy<Task<RdsInstance?>>(() => _client.GetInstanceAsync(id, ct)));
            target = await lookup.Value.ConfigureAwait(false);
        }
        catch (RdsServiceException ex)
        {
            HandlePollError(tr, ex, report);
            return;
        }
        tr.Errors = 0;
        if (target is null)
        {
            job.TargetStatus = null;
            tr.Finish(RdsJobWaitOutcome.TargetFailed, RdsErrorIds.RestoreTargetInstanceFailed,
                $"Restore job {job.JobId} completed but its target instance {job.TargetInstanceId} no longer exists.");
            report(tr, "completed, target not found", true);
            return;
        }
        job.TargetStatus = target.Status;
        if (string.IsNullOrEmpty(job.TargetInstanceName)) job.TargetInstanceName = target.Name;
        if (string.Equals(target.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
        {
            tr.Finish(RdsJobWaitOutcome.Completed);
            report(tr, "completed, target ACTIVE", true);
        }
        else if (string.Equals(target.Status, "FAILED", StringComparison.OrdinalIgnoreCase))
        {
            tr.Finish(RdsJobWaitOutcome.TargetFailed, RdsErrorIds.RestoreTargetInstanceFailed,
                $"Restore job {job.JobId} completed but its target instance {Target(tr)} is FAILED.");
            report(tr, "completed, target FAILED", true);
        }
        else
        {
            Schedule(tr);
            report(tr, $"completed, target {target.Status}", false);
        }
    }

    private void HandlePollError(Tracker tr, RdsServiceException ex, Action<Tracker, string, bool> report)
    {
        tr.Errors++;
        var fatal = ex.Kind is RdsErrorKind.Authentication or RdsErrorKind.PermissionDenied or RdsErrorKind.InvalidArgument or RdsErrorKind.NotFound;
        if (fatal || tr.Errors >= _options.MaxConsecutiveErrors)
        {
            tr.Finish(RdsJobWaitOutcome.PollFailed, RdsErrorIds.RestoreJobPollFailed,
                $"Could not follow restore job {tr.Job.JobId}: {ex.Message} " + ResumeHint(new[] { tr.Job.JobId }), ex);
            report(tr, "polling failed", true);
            return;
        }
        Schedule(tr);
        report(tr, $"poll failed ({ex.ErrorCode ?? ex.Kind.ToString()}), will retry", false);
    }

    private void Schedule(Tracker tr)
    {
        tr.NextPoll = _options.Clock() + tr.Interval;
        var grown = TimeSpan.FromTicks((long)(tr.Interval.Ticks * Math.Max(1.0, _options.BackoffFactor)));
        tr.Interval = grown > _options.MaxPollInterval ? (_options.MaxPollInterval > _options.PollInterval ? _options.MaxPollInterval : _options.PollInterval) : grown;
    }

    private static string Target(Tracker tr) => string.IsNullOrEmpty(tr.Job.TargetInstanceId) ? "unknown" : tr.Job.TargetInstanceId;

    private static string Describe(Tracker tr) =>
        tr.Job.Status + (tr.Job.Progress is null ? "" : $" ({tr.Job.Progress})") + (tr.Job.TargetStatus is null ? "" : $", target {tr.Job.TargetStatus}");

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h"
        : span.TotalMinutes >= 1 ? span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min"
        : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private sealed class Tracker(RdsRestoreJob job, DateTimeOffset firstPoll, DateTimeOffset visibleBy, TimeSpan interval)
    {
        public RdsRestoreJob Job { get; } = job;
        /// <summary>Grace for "not yet visible" counts from here.</summary>
        public DateTimeOffset VisibleBy { get; } = visibleBy;
        public DateTimeOffset NextPoll { get; set; } = firstPoll;
        public TimeSpan Interval { get; set; } = interval;
        public bool WaitingForTarget { get; set; }
        public int Errors { get; set; }
        public RdsJobWaitResult? Result { get; private set; }

        public void Finish(RdsJobWaitOutcome outcome) => Result = new RdsJobWaitResult(Job, outcome, null);

        /// <summary>Ends the wait for this job with an error about it (the job is the target).</summary>
        public void Finish(RdsJobWaitOutcome outcome, string errorId, string message, Exception? cause = null) =>
            Result = new RdsJobWaitResult(Job, outcome, new RdsError(errorId, message, Job, cause: cause));
    }
}
