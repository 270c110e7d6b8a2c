using System.Diagnostics;

namespace RdsRecovery.Backups;

/// <summary>How following a manual backup ended.</summary>
public enum ManualBackupOutcome
{
    /// <summary>The backup list shows it COMPLETED.</summary>
    Completed,
    /// <summary>The backup list shows it FAILED (or DELETING: it will not complete).</summary>
    Failed,
    /// <summary>It was still BUILDING when the time was up; the service goes on with it.</summary>
    TimedOut,
    /// <summary>It never showed in (or left) the backup list.</summary>
    Vanished,
}

/// <summary>
/// Follows a manual backup in the backup list (ListBackups with backup_id) until COMPLETED or FAILED, and an instance
/// in the instance list until ACTIVE again, each bounded by a deadline. Reads only; polls back off from the interval
/// given to at most 30 s, so a long backup costs few requests.
/// </summary>
public sealed class ManualBackupWaiter
{
    private static readonly TimeSpan LongestInterval = TimeSpan.FromSeconds(30);
    /// <summary>A backup just created may take a moment to show in the list (as a new job does).</summary>
    private static readonly TimeSpan InvisibleGrace = TimeSpan.FromMinutes(2);

    private readonly RdsClient _client;
    private readonly TimeSpan _pollInterval;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public ManualBackupWaiter(RdsClient client, TimeSpan pollInterval, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _pollInterval = pollInterval > TimeSpan.Zero ? pollInterval : TimeSpan.FromSeconds(10);
        _delay = delay ?? ((span, token) => Task.Delay(span, token));
    }

    /// <summary>Follows <paramref name="backup"/> for at most <paramref name="timeout"/>; <paramref name="progress"/> sees each reading and the time waited.</summary>
    public async Task<(ManualBackupOutcome Outcome, RdsBackup Backup)> WaitAsync(RdsBackup backup, TimeSpan timeout,
        Action<RdsBackup, TimeSpan>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var interval = _pollInterval;
        var last = backup;
        while (true)
        {
            var seen = await _client.FindBackupAsync(backup.InstanceId, backup.Id, cancellationToken).ConfigureAwait(false);
            if (seen is not null)
            {
                last = seen;
                progress?.Invoke(seen, watch.Elapsed);
                var status = seen.Status.Trim().ToUpperInvariant();
                if (status == "COMPLETED") return (ManualBackupOutcome.Completed, seen);
                if (status == "FAILED" || status == "DELETING") return (ManualBackupOutcome.Failed, seen);
            }
            else if (watch.Elapsed >= InvisibleGrace)
            {
                return (ManualBackupOutcome.Vanished, last);
            }
            if (!await PauseAsync(watch, timeout, interval, cancellationToken).ConfigureAwait(false)) return (ManualBackupOutcome.TimedOut, last);
            interval = Next(interval);
        }
    }

    /// <summary>True once the instance is ACTIVE; false when <paramref name="timeout"/> passed first (or it is gone). <paramref name="progress"/> sees each status.</summary>
    public async Task<bool> WaitForActiveAsync(string instanceId, TimeSpan timeout, Action<string?, TimeSpan>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var interval = _pollInterval;
        while (true)
        {
            var instance = await _client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(instance?.Status, watch.Elapsed);
            if (instance is null) return false;
            if (string.Equals(instance.Status.Trim(), "ACTIVE", StringComparison.OrdinalIgnoreCase)) return true;
            if (!await PauseAsync(watch, timeout, interval, cancellationToken).ConfigureAwait(false)) return false;
            interval = Next(interval);
        }
    }

    /// <summary>Sleeps until the next poll; false when the deadline would pass first.</summary>
    private async Task<bool> PauseAsync(Stopwatch watch, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken)
    {
        var left = timeout - watch.Elapsed;
        if (left <= TimeSpan.Zero) return false;
        await _delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private TimeSpan Next(TimeSpan interval)
    {
        var next = TimeSpan.FromTicks((long)(interval.Ticks * 1.5));
        var cap = _pollInterval > LongestInterval ? _pollInterval : LongestInterval;
        return next > cap ? cap : next;
    }
}
