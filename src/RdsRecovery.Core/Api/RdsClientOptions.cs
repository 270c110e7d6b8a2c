using System.Net.Http;

namespace RdsRecovery.Api;

/// <summary>How a client talks: transport, timeouts, retries, logging, and (for tests) clock and delay.</summary>
public sealed class RdsClientOptions
{
    /// <summary>
    /// The HTTP handler. Null uses one shared default handler per process: system proxy honoured, TLS
    /// certificates always verified. Tests pass an in-process fake.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    public IRdsClientLog? Log { get; set; }

    /// <summary>The restore path version; null (the default) follows the connection's <see cref="RdsConnection.RestoreApiVersion"/>.</summary>
    public RdsRestoreApiVersion? RestoreApiVersion { get; set; }

    public RdsRetryPolicy Retry { get; set; } = RdsRetryPolicy.Default;

    /// <summary>Time allowed for one attempt, answer body included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest answer body read; a larger one is an InvalidResponse error.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The clock for X-Sdk-Date and retry budgets (UTC).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>How to wait between attempts.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

    /// <summary>Random numbers in [0,1) for jitter.</summary>
    public Func<double> Random { get; set; } = SharedRandom.Next;

    private static class SharedRandom
    {
        private static readonly System.Random Source = new();
        public static double Next()
        {
            lock (Source) return Source.NextDouble();
        }
    }
}
