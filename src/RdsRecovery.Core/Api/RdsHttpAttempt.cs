using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>What one attempt came to: an answer, or an error with what a retry needs to know.</summary>
internal sealed class RdsHttpOutcome
{
    public RdsResponse? Response { get; init; }
    public RdsServiceException? Error { get; init; }
    /// <summary>True when the request surely never reached the service (connection refused, TLS refused).</summary>
    public bool NotSent { get; init; }
    /// <summary>The service's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>
/// One attempt of a request: signs it, sends it with a per-attempt timeout, reads a capped body and classifies what
/// happened (answer, service error, redirect, timeout, TLS or connection failure) as an <see cref="RdsHttpOutcome"/>.
/// Only the caller's cancellation is thrown; everything else is an outcome for the retry decision.
/// </summary>
internal sealed class RdsHttpAttempt(RdsConnection connection, RdsClientOptions options, HttpClient http, RdsHttpLog log, RdsRedactor redactor)
{
    internal static readonly string UserAgent = BuildUserAgent();

    public async Task<RdsHttpOutcome> SendAsync(HttpMethod method, Uri uri, byte[]? body, int attempt, CancellationToken ct)
    {
        var path = uri.PathAndQuery;
        using var request = SignedRequest(method, uri, body);
        log.RequestHeaders(method, path, request);

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(options.RequestTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = Header(response, "X-Request-Id");
            var (bytes, tooLarge) = await RdsResponseBodies.ReadCappedAsync(response, options.MaxResponseBytes, cts.Token).ConfigureAwait(false);
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            if (status >= 300 && status < 400)
            {
                log.Attempt(method, path, $"{status} {response.ReasonPhrase}", requestId, watch, attempt);
                return new RdsHttpOutcome { Error = RdsHttpRefusals.Redirected(redactor, method.Method, path, status, requestId, uri, response.Headers.Location) };
            }
            if (status >= 400)
            {
                var error = RdsResponseBodies.ServiceError(redactor, method.Method, path, status, requestId, bytes, tooLarge, contentType);
                log.Attempt(method, path, $"{status} {error.ErrorCode ?? response.ReasonPhrase}", error.RequestId, watch, attempt);
                log.ResponseHeaders(method, path, response);
                return new RdsHttpOutcome { Error = error, RetryAfter = RetryAfter(response) };
            }
            log.Attempt(method, path, $"{status} {response.ReasonPhrase}", requestId, watch, attempt);
            log.ResponseHeaders(method, path, response);
            var problem = tooLarge ? $"the answer is larger than {options.MaxResponseBytes} bytes"
                : contentType is not null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0 ? $"the answer has content type {contentType}, not JSON"
                : null;
            if (problem is null && RdsResponseBodies.TryParseObject(bytes, out var root)) return new RdsHttpOutcome { Response = new RdsResponse(status, requestId, root) };
            // A delete answers with no body (DeleteManualBackupResponse has no fields).
            if (problem is null && bytes.Length == 0 && method == HttpMethod.Delete)
                return new RdsHttpOutcome { Response = new RdsResponse(status, requestId, RdsResponseBodies.EmptyObject) };
            return new RdsHttpOutcome
            {
                Error = new RdsServiceException(RdsErrorKind.InvalidResponse, method.Method, path, status, null, null, requestId,
                    problem ?? (bytes.Length == 0 ? "the answer has no body" : "the answer is not a JSON object")),
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            log.Attempt(method, path, "cancelled", null, watch, attempt);
            throw;
        }
        catch (OperationCanceledException ex)
        {
            log.Attempt(method, path, "timed out", null, watch, attempt);
            return new RdsHttpOutcome
            {
                Error = new RdsServiceException(RdsErrorKind.Timeout, method.Method, path, null, null, null, null,
                    $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", ex),
            };
        }
        catch (HttpRequestException ex) when (RdsHttpRefusals.TlsFailure(request, ex) is string tlsProblem)
        {
            log.Attempt(method, path, "TLS refused", null, watch, attempt);
            // The handshake failed, so the request itself was never written.
            return new RdsHttpOutcome { NotSent = true, Error = RdsHttpRefusals.TlsNotTrusted(method.Method, path, uri, tlsProblem) };
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
        {
            var notSent = IsNotSent(ex);
            log.Attempt(method, path, notSent ? "connection refused" : "connection failed", null, watch, attempt);
            var text = Flatten(ex);
            var clean = redactor.Clean(text);
            return new RdsHttpOutcome
            {
                NotSent = notSent,
                // An inner exception whose text held a credential is dropped, so ToString cannot reveal it.
                Error = new RdsServiceException(RdsErrorKind.Transport, method.Method, path, null, null, null, null,
                    clean, clean == text ? ex : null),
            };
        }
    }

    /// <summary>The request with the date, project and user agent headers, its body, and the credentials' signature.</summary>
    private HttpRequestMessage SignedRequest(HttpMethod method, Uri uri, byte[]? body)
    {
        var request = new HttpRequestMessage(method, uri);
        var sdkDate = SdkHmacSha256Signer.FormatSdkDate(options.Clock());
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", sdkDate);
        request.Headers.TryAddWithoutValidation("X-Project-Id", connection.ProjectId);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var signed = new List<KeyValuePair<string, string>>
        {
            new("host", SdkHmacSha256Signer.HostValue(uri)),
            new("x-project-id", connection.ProjectId),
            new("x-sdk-date", sdkDate),
        };
        connection.Credentials.Apply(request, body, signed);
        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is TimeSpan delta) return delta;
        if (header.Date is DateTimeOffset date) return date - options.Clock();
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Failures that happen before a request leaves the machine, so even a restore may be sent again.</summary>
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

    private static string BuildUserAgent()
    {
        var v = typeof(RdsHttpAttempt).Assembly.GetName().Version;
        return v is null ? "RdsRecovery" : $"RdsRecovery/{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}";
    }
}
