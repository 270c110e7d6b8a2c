using System.Net;
using System.Net.Http;
using System.Text;

namespace RdsRecovery.Core.Tests.Api;

/// <summary>One request as the fake saw it (body and headers copied before the request is disposed).</summary>
public sealed record SeenRequest(string Method, Uri Uri, Dictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
    public string Query(string key)
    {
        foreach (var part in Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (Uri.UnescapeDataString(kv[0]) == key) return Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : "");
        }
        return "";
    }
}

/// <summary>An in-process HttpMessageHandler: answers from a function and records every request. No network.</summary>
public sealed class FakeRdsHandler : HttpMessageHandler
{
    private readonly Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<SeenRequest> _seen = new();

    public FakeRdsHandler(Func<SeenRequest, HttpResponseMessage> respond) : this((r, _) => Task.FromResult(respond(r))) { }

    public FakeRdsHandler(Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public IReadOnlyList<SeenRequest> Requests { get { lock (_seen) return _seen.ToList(); } }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>();
        foreach (var h in request.Headers) headers[h.Key.ToLowerInvariant()] = string.Join(", ", h.Value);
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key.ToLowerInvariant()] = string.Join(", ", h.Value);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!, headers, body);
        lock (_seen) _seen.Add(seen);
        return await _respond(seen, cancellationToken);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? requestId = "req-1")
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (requestId is not null) r.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        return r;
    }

    public static HttpResponseMessage Text(string text, string mediaType, HttpStatusCode status)
        => new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
}

/// <summary>A clock that moves only when the code under test waits: no real sleeping.</summary>
public sealed class FakeClock
{
    private readonly object _lock = new();
    private DateTimeOffset _now;
    private readonly List<TimeSpan> _delays = new();

    public FakeClock(DateTimeOffset start) => _now = start;

    public DateTimeOffset Now { get { lock (_lock) return _now; } }
    public IReadOnlyList<TimeSpan> Delays { get { lock (_lock) return _delays.ToList(); } }

    public void Advance(TimeSpan by) { lock (_lock) _now += by; }

    public Task Delay(TimeSpan span, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _delays.Add(span);
            _now += span;
        }
        return Task.CompletedTask;
    }
}
