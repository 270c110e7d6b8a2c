using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;

namespace RdsRecovery.Api;

/// <summary>
/// The client's log lines: one verbose line per attempt (method, path, status, request id, time) and, at debug,
/// the headers. Every line passes the redactor, and secret headers are masked by name.
/// </summary>
internal sealed class RdsHttpLog
{
    private readonly IRdsClientLog _log;
    private readonly RdsRedactor _redactor;

    public RdsHttpLog(IRdsClientLog log, RdsRedactor redactor)
    {
        _log = log;
        _redactor = redactor;
    }

    public void Verbose(string line) => _log.Verbose(_redactor.Clean(line)!);

    public void Attempt(HttpMethod method, string path, string status, string? requestId, Stopwatch watch, int attempt) =>
        Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}, request id {3}, {4} ms{5}",
            method.Method, path, status, string.IsNullOrEmpty(requestId) ? "none" : requestId, watch.ElapsedMilliseconds,
            attempt > 1 ? $" (attempt {attempt})" : ""));

    public void RequestHeaders(HttpMethod method, string path, HttpRequestMessage request)
    {
        if (_log is NullRdsClientLog) return;
        _log.Debug($"{method.Method} {path} request headers: {FormatHeaders(request.Headers, request.Content?.Headers)}");
    }

    public void ResponseHeaders(HttpMethod method, string path, HttpResponseMessage response)
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
}
