namespace RdsRecovery.Api;

/// <summary>
/// Bounded retries: which answers are retried is <see cref="RdsRetryDecisions"/> (the restore POST only after a 429
/// or a connection refused before anything was sent); this says how often and how long. Delays grow exponentially
/// with jitter, and Retry-After wins when the service sends it and it fits the budget.
/// </summary>
public sealed class RdsRetryPolicy
{
    /// <summary>4 attempts, 1 s doubling to at most 8 s, all within 30 s.</summary>
    public static RdsRetryPolicy Default { get; } = new();

    /// <summary>One attempt, no retry.</summary>
    public static RdsRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);
    /// <summary>No retry is started when it would end later than this after the first attempt began.</summary>
    public TimeSpan MaxElapsed { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 or more); <paramref name="random"/> is in [0,1).</summary>
    public TimeSpan DelayBefore(int nextAttempt, double random)
    {
        var exponent = Math.Min(nextAttempt - 2, 20);
        var raw = BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, MaxDelay.TotalMilliseconds);
        // Jitter in [50%, 100%] spreads parallel runbooks apart without ever waiting less than half the step.
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * Math.Max(0, Math.Min(1, random))));
    }
}
