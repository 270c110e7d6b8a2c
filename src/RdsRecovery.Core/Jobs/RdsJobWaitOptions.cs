namespace RdsRecovery.Jobs;

/// <summary>How a wait polls: interval and back-off per job, concurrency, grace for new jobs, timeout; clock and delay for tests.</summary>
public sealed class RdsJobWaitOptions
{
    /// <summary>First interval between two polls of one job (Terraform polls every 10 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The interval grows by <see cref="BackoffFactor"/> after each poll up to this.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(60);
    public double BackoffFactor { get; set; } = 1.5;
    /// <summary>At most this many requests in flight at once, whatever the number of jobs.</summary>
    public int MaxConcurrency { get; set; } = 8;
    /// <summary>How long after submission (or the start of the wait) DBS.200543/404 means "not yet visible".</summary>
    public TimeSpan NotVisibleGrace { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Stop waiting after this; null waits until every job ends. The jobs go on either way.</summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromMinutes(60);
    /// <summary>A completed job is finished only when its target instance is ACTIVE again.</summary>
    public bool WaitForTargetActive { get; set; } = true;
    /// <summary>Transient poll failures (after the client's own retries) tolerated in a row before giving up on a job.</summary>
    public int MaxConsecutiveErrors { get; set; } = 3;
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;
}
