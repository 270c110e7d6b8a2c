using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// A real HTTP/1.1 server on a loopback port (TcpListener, one request per connection), optionally over TLS:
/// the client under test goes through its real handler, sockets and TLS stack, not a fake handler.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, string> _respond;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = new();
    private readonly Task _loop;
    private int _connections;

    /// <param name="respond">(request line, headers) to the raw response head and body.</param>
    public LoopbackHttpServer(Func<string, string, string> respond, X509Certificate2? certificate = null)
    {
        _respond = respond;
        _certificate = certificate;
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string BaseUri => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}";
    /// <summary>Request lines and headers of every request that arrived whole.</summary>
    public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToList(); } }
    /// <summary>Connections accepted (a refused TLS handshake counts, no request follows it).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static string Json(int status, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n{extraHeaders}\r\n{body}";

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(_certificate);
                stream = ssl;
            }
            var head = await ReadHeadAsync(stream);
            if (head is null) return;
            var split = head.IndexOf("\r\n", StringComparison.Ordinal);
            var requestLine = head[..split];
            lock (_requests) _requests.Add(head);
            var response = Encoding.UTF8.GetBytes(_respond(requestLine, head));
            await stream.WriteAsync(response);
            await stream.FlushAsync();
        }
        catch (Exception)
        {
            // A client that hung up or refused our certificate: nothing to serve.
        }
    }

    private static async Task<string?> ReadHeadAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(length));
            if (n == 0) return null;
            length += n;
            if (buffer[0] == 0x16)
            {
                // A TLS handshake sent to a plain HTTP server: answer as web servers do, in plain text.
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return null;
            }
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var contentLength = 0;
            foreach (var line in text[..end].Split("\r\n"))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) contentLength = int.Parse(line[15..].Trim(), CultureInfo.InvariantCulture);
            while (length < end + 4 + contentLength)
            {
                n = await stream.ReadAsync(buffer.AsMemory(length));
                if (n == 0) break;
                length += n;
            }
            return text[..end];
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
    }
}
