using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RdsRecovery.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Api;

/// <summary>
/// One signed request with its retries: builds the URL, signs, sends with a per-attempt timeout, reads a capped
/// body, turns failures into <see cref="RdsServiceException"/> and logs one line per attempt.
/// </summary>
internal sealed class RdsHttp : IDisposable
{
    internal static readonly string UserAgent = BuildUserAgent();

    /// <summary>The process-wide default handler (exposed to tests, which check it keeps TLS verification and the proxy).</summary>
    internal static HttpMessageHandler DefaultHandler => RdsHttpHandlers.Default;

    private readonly RdsConnection _connection;
    private readonly RdsClientOptions _options;
    private readonly IRdsClientLog _log;
    private readonly RdsRedactor _redactor;
    private readonly HttpClient _http;

    public RdsHttp(RdsConnection connection, RdsClientOptions options)
    {
        _connection = connection;
        _options = options;
        _log = options.Log ?? NullRdsClientLog.Instance;
        _redactor = new RdsRedactor(connection.Credentials.SecretValues());
        _http = new HttpClient(options.Handler ?? RdsHttpHandlers.For(connection.CertificateAuthorities), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Endpoint base + path (segments already escaped) + query encoded as the signer canonicalises it.</summary>
    public Uri BuildUri(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var sb = new StringBuilder(_connection.Endpoint.AbsoluteUri.TrimEnd('/'));
        sb.Append(path);
        var first = true;
        if (query is not null)
        {
            foreach (var q in query)
            {
                if (q.Value is null) continue;
                sb.Append(first ? '?' : '&').Append(SigningEncoder.Encode(q.Key)).Append('=').Append(SigningEncoder.Encode(q.Value));
                first = false;
            }
        }
        return new Uri(sb.ToString());
    }

    public async Task<RdsResponse> GetAsync(Uri uri, CancellationToken ct) =>
        (await SendWithRetriesAsync(HttpMethod.Get, uri, null, null, ct).ConfigureAwait(false)).Response;

    /// <summary>The restore POST: retried only when the service refused it or the connection was refused.</summary>
    public Task<(RdsResponse Response, int Attempts)> PostRestoreAsync(Uri uri, byte[] body, string? targetInstanceId, CancellationToken ct) =>
        SendWithRetriesAsync(HttpMethod.Post, uri, body, targetInstanceId ?? "", ct);

    /// <summary>
    /// A request that changes something besides a restore (create or delete a manual backup): like the restore POST it
    /// is sent again only when it provably never reached the service's decision, so one call never makes two backups.
    /// </summary>
    public async Task<RdsResponse> SendChangeAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken ct) =>
        (await SendWithRetriesAsync(method, uri, body, null, ct, changes: true).ConfigureAwait(false)).Response;

    private async Task<(RdsResponse Response, int Attempts)> SendWithRetriesAsync(
        HttpMethod method, Uri uri, byte[]? body, string? restoreTarget, CancellationToken ct, bool changes = false)
    {
        var isRestore = restoreTarget is not null;
        var policy = _options.Retry ?? RdsRetryPolicy.Default;
        var start = _options.Clock();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(method, uri, body, attempt, ct).ConfigureAwait(false);
            if (outcome.Response is not null) return (outcome.Response, attempt);
            var error = outcome.Error!;

            var decision = RdsRetryDecisions.For(RdsRetryDecisions.Classify(error, outcome.NotSent));
            var retryable = isRestore || changes ? decision.RetryRestore : decision.RetryRead;
            if (retryable && attempt < policy.MaxAttempts)
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

            if (isRestore && decision.RestoreResult == RdsErrorIds.RestoreOutcomeUnknown)
            {
                var reason = error.HttpStatus is int s
                    ? $"HTTP {s}{(error.ErrorCode is null ? "" : " " + error.ErrorCode)}{(error.Kind == RdsErrorKind.InvalidResponse ? ", unreadable answer" : "")}"
                    : error.Kind == RdsErrorKind.Timeout ? "no answer within the request timeout" : "the connection failed after the request was sent";
                throw new RestoreOutcomeUnknownException(restoreTarget, reason, error.HttpStatus, error.RequestId, error);
            }
            if (isRestore && error.Kind == RdsErrorKind.Busy) throw BusyRestore(error, restoreTarget!);
            throw error;
        }
    }

    /// <summary>The busy refusal of a restore, naming the target and what to check; it was not sent again.</summary>
    private static RdsServiceException BusyRestore(RdsServiceException error, string target)
    {
        var t = target.Length == 0 ? "<target>" : target;
        return new RdsServiceException(RdsErrorKind.Busy, error.Method, error.Path, error.HttpStatus, error.ErrorCode, error.ErrorMessage, error.RequestId,
            $"The target instance {t} is busy: another restore or operation runs on it, so the service refused this restore. It was NOT sent again "
            + "(a second send after that operation ends would overwrite the target again). Check 'Get-RdsInstance -InstanceId " + t
            + "' (RESTORING while a restore runs) and 'Get-RdsRestoreJob -Recent -TargetInstanceId " + t
            + "'; once it is ACTIVE and you still want this restore, run it again.");
    }

    private sealed class Outcome
    {
        public RdsResponse? Response;
        public RdsServiceException? Error;
        public bool NotSent;
        public TimeSpan? RetryAfter;
    }

    private async Task<Outcome> SendOnceAsync(HttpMethod method, Uri uri, byte[]? body, int attempt, CancellationToken ct)
    {
        var path = uri.PathAndQuery;
        using var request = new HttpRequestMessage(method, uri);
        var sdkDate = SdkHmacSha256Signer.FormatSdkDate(_options.Clock());
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", sdkDate);
        request.Headers.TryAddWithoutValidation("X-Project-Id", _connection.ProjectId);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var signed = new List<KeyValuePair<string, string>>
        {
            new("host", SdkHmacSha256Signer.HostValue(uri)),
            new("x-project-id", _connection.ProjectId),
            new("x-sdk-date", sdkDate),
        };
        _connection.Credentials.Apply(request, body, signed);
        if (_log is not NullRdsClientLog) _log.Debug($"{method.Method} {path} request headers: {FormatHeaders(request.Headers, request.Content?.Headers)}");

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_options.RequestTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = Header(response, "X-Request-Id");
            var (bytes, tooLarge) = await ReadCappedAsync(response, cts.Token).ConfigureAwait(false);
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            if (status >= 300 && status < 400)
            {
                LogLine(method, path, $"{status} {response.ReasonPhrase}", requestId, watch, attempt);
                return new Outcome { Error = RdsHttpRefusals.Redirected(_redactor, method.Method, path, status, requestId, uri, response.Headers.Location) };
            }
            if (status >= 400)
            {
                var error = BuildError(method.Method, path, status, requestId, bytes, tooLarge, contentType);
                LogLine(method, path, $"{status} {error.ErrorCode ?? response.ReasonPhrase}", error.RequestId, watch, attempt);
                LogResponseHeaders(method, path, response);
                return new Outcome { Error = error, RetryAfter = RetryAfter(response) };
            }
            LogLine(method, path, $"{status} {response.ReasonPhrase}", requestId, watch, attempt);
            LogResponseHeaders(method, path, response);
            var problem = tooLarge ? $"the answer is larger than {_options.MaxResponseBytes} bytes"
                : contentType is not null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0 ? $"the answer has content type {contentType}, not JSON"
                : null;
            if (problem is null && TryParseObject(bytes, out var root)) return new Outcome { Response = new RdsResponse(status, requestId, root) };
            // A delete answers with no body (DeleteManualBackupResponse has no fields).
            if (problem is null && bytes.Length == 0 && method == HttpMethod.Delete) return new Outcome { Response = new RdsResponse(status, requestId, EmptyObject) };
            return new Outcome
            {
                Error = new RdsServiceException(RdsErrorKind.InvalidResponse, method.Method, path, status, null, null, requestId,
                    problem ?? (bytes.Length == 0 ? "the answer has no body" : "the answer is not a JSON object")),
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogLine(method, path, "cancelled", null, watch, attempt);
            throw;
        }
        catch (OperationCanceledException ex)
        {
            LogLine(method, path, "timed out", null, watch, attempt);
            return new Outcome
            {
                Error = new RdsServiceException(RdsErrorKind.Timeout, method.Method, path, null, null, null, null,
                    $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", ex),
            };
        }
        catch (HttpRequestException ex) when (RdsHttpRefusals.TlsFailure(request, ex) is string tlsProblem)
        {
            LogLine(method, path, "TLS refused", null, watch, attempt);
            // The handshake failed, so the request itself was never written.
            return new Outcome { NotSent = true, Error = RdsHttpRefusals.TlsNotTrusted(method.Method, path, uri, tlsProblem) };
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
        {
            var notSent = IsNotSent(ex);
            LogLine(method, path, notSent ? "connection refused" : "connection failed", null, watch, attempt);
            var text = Flatten(ex);
            var clean = _redactor.Clean(text);
            return new Outcome
            {
                NotSent = notSent,
                // An inner exception whose text held a credential is dropped, so ToString cannot reveal it.
                Error = new RdsServiceException(RdsErrorKind.Transport, method.Method, path, null, null, null, null,
                    clean, clean == text ? ex : null),
            };
        }
    }

    private RdsServiceException BuildError(string method, string path, int status, string? requestId, byte[] bytes, bool tooLarge, string? contentType)
    {
        string? code = null, message = null, detail = null;
        if (!tooLarge && TryParseObject(bytes, out var root))
        {
            var error = ErrorBody.Read(root);
            (code, message, detail) = (error.Code, error.Message, error.Problem);
            requestId ??= error.RequestId;
        }
        else
        {
            detail = tooLarge ? "the error body was too large to read" : bytes.Length == 0 ? null : $"the error body is not JSON ({contentType ?? "no content type"})";
        }
        message = _redactor.Clean(message);
        if (message is not null && message.Length > 1000) message = message.Substring(0, 1000) + "...";
        return new RdsServiceException(RdsServiceErrors.Classify(status, code), method, path, status, code, message, requestId, detail);
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static bool TryParseObject(byte[] bytes, out JsonElement root)
    {
        root = default;
        if (bytes.Length == 0) return false;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            root = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<(byte[] Bytes, bool TooLarge)> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content is null) return (Array.Empty<byte>(), false);
        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is long declared && declared > max) return (Array.Empty<byte>(), true);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, 0, chunk.Length, ct).ConfigureAwait(false);
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max) return (Array.Empty<byte>(), true);
        }
        return (buffer.ToArray(), false);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is TimeSpan delta) return delta;
        if (header.Date is DateTimeOffset date) return date - _options.Clock();
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool IsNotSent(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException se && se.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NoData)
                return true;
        }
        return false;
    }

    private static string Flatten(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null && parts.Count < 4; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" -> ", parts.Distinct());
    }

    private void LogLine(HttpMethod method, string path, string status, string? requestId, Stopwatch watch, int attempt)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}, request id {3}, {4} ms{5}",
            method.Method, path, status, string.IsNullOrEmpty(requestId) ? "none" : requestId, watch.ElapsedMilliseconds,
            attempt > 1 ? $" (attempt {attempt})" : "");
        _log.Verbose(_redactor.Clean(line)!);
    }

    private void LogResponseHeaders(HttpMethod method, string path, HttpResponseMessage response)
    {
        if (_log is NullRdsClientLog) return;
        _log.Debug($"{method.Method} {path} response headers: {FormatHeaders(response.Headers, response.Content?.Headers)}");
    }

    private string FormatHeaders(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var all = contentHeaders is null ? headers : headers.Concat(contentHeaders);
        var text = string.Join("; ", all.Select(h =>
            h.Key + ": " + (RdsRedactor.IsSecretHeader(h.Key) ? RdsRedactor.Mask : string.Join(", ", h.Value))));
        return _redactor.Clean(text)!;
    }

    private static string BuildUserAgent()
    {
        var v = typeof(RdsHttp).Assembly.GetName().Version;
        return v is null ? "RdsRecovery" : $"RdsRecovery/{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}";
    }
}
