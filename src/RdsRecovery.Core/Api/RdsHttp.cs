using System.Net.Http;

namespace RdsRecovery.Api;

/// <summary>
/// One signed request with its retries. The retry decision is here; the rest has its own room: URLs
/// (<see cref="RdsUrls"/>), one attempt and its outcome (<see cref="RdsHttpAttempt"/>), answer and error bodies
/// (<see cref="RdsResponseBodies"/>), log lines (<see cref="RdsHttpLog"/>), refusals in words (<see cref="RdsHttpRefusals"/>).
/// </summary>
internal sealed class RdsHttp : IDisposable
{
    /// <summary>The process-wide default handler (exposed to tests, which check it keeps TLS verification and the proxy).</summary>
    internal static HttpMessageHandler DefaultHandler => RdsHttpHandlers.Default;

    private readonly RdsConnection _connection;
    private readonly RdsClientOptions _options;
    private readonly RdsHttpLog _log;
    private readonly HttpClient _http;
    private readonly RdsHttpAttempt _attempt;

    public RdsHttp(RdsConnection connection, RdsClientOptions options)
    {
        _connection = connection;
        _options = options;
        var redactor = new RdsRedactor(connection.Credentials.SecretValues());
        _log = new RdsHttpLog(options.Log ?? NullRdsClientLog.Instance, redactor);
        _http = new HttpClient(options.Handler ?? RdsHttpHandlers.For(connection.CertificateAuthorities), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _attempt = new RdsHttpAttempt(connection, options, _http, _log, redactor);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Endpoint base + path (segments already escaped) + query encoded as the signer canonicalises it.</summary>
    public Uri BuildUri(string path, IEnumerable<KeyValuePair<string, string?>>? query = null) => RdsUrls.Build(_connection.Endpoint, path, query);

    public async Task<RdsResponse> GetAsync(Uri uri, CancellationToken ct) =>
        (await SendWithRetriesAsync(HttpMethod.Get, uri, null, null, ct).ConfigureAwait(false)).Response;

    /// <summary>A POST that only reads (the history listings): retried as a GET is.</summary>
    public async Task<RdsResponse> PostReadAsync(Uri uri, byte[] body, CancellationToken ct) =>
        (await SendWithRetriesAsync(HttpMethod.Post, uri, body, null, ct).ConfigureAwait(false)).Response;

    /// <summary>The restore POST: retried only when the service refused it or the connection was refused.</summary>
    public Task<(RdsResponse Response, int Attempts)> PostRestoreAsync(Uri uri, byte[] body, string? targetInstanceId, CancellationToken ct) =>
        SendWithRetriesAsync(HttpMethod.Post, uri, body, targetInstanceId ?? "", ct);

    /// <summary>
    /// A request that changes something besides a restore (create or delete a manual backup): like the restore POST it
    /// is sent again only when it provably never reached the service's decision, so one call never makes two backups.
    /// </summary>
    public async Task<RdsResponse> SendChangeAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken ct) =>
        (await SendWithRetriesAsync(method, uri, body, null, ct, changes: true).ConfigureAwait(false)).Response;

    /// <summary>
    /// Sends until an answer, a failure that is not retried (<see cref="RdsRetryDecisions"/>: a restore is retried only
    /// when it surely did not reach the service), or the policy's attempts or time budget run out.
    /// </summary>
    private async Task<(RdsResponse Response, int Attempts)> SendWithRetriesAsync(
        HttpMethod method, Uri uri, byte[]? body, string? restoreTarget, CancellationToken ct, bool changes = false)
    {
        var isRestore = restoreTarget is not null;
        var policy = _options.Retry ?? RdsRetryPolicy.Default;
        var start = _options.Clock();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await _attempt.SendAsync(method, uri, body, attempt, ct).ConfigureAwait(false);
            if (outcome.Response is not null) return (outcome.Response, attempt);
            var error = outcome.Error!;

            var decision = RdsRetryDecisions.For(RdsRetryDecisions.Classify(error, outcome.NotSent));
            if ((isRestore || changes ? decision.RetryRestore : decision.RetryRead) && attempt < policy.MaxAttempts)
            {
                var delay = outcome.RetryAfter ?? policy.DelayBefore(attempt + 1, _options.Random());
                if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
                // Retry-After is honoured only within the budget: a longer wait ends the call instead of stalling it.
                if (_options.Clock() - start + delay <= policy.MaxElapsed)
                {
                    _log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}; retrying in {3:0.0} s (attempt {4} of {5})",
                        method.Method, uri.PathAndQuery, error.ErrorCode ?? error.Kind.ToString(), delay.TotalSeconds, attempt + 1, policy.MaxAttempts));
                    await _options.Delay(delay, ct).ConfigureAwait(false);
                    continue;
                }
            }

            if (isRestore && decision.RestoreResult == RdsErrorIds.RestoreOutcomeUnknown) throw RdsHttpRefusals.OutcomeUnknown(error, restoreTarget!);
            if (isRestore && error.Kind == RdsErrorKind.Busy) throw RdsHttpRefusals.BusyRestore(error, restoreTarget!);
            throw error;
        }
    }
}
