namespace RdsRecovery.Api;

/// <summary>
/// Receives one Verbose line per request (method, path and query, status, request id, duration) and, at Debug,
/// the request and response headers with every credential redacted. Calls come from whatever thread runs the
/// request; a cmdlet queues them and writes them on the pipeline thread.
/// </summary>
public interface IRdsClientLog
{
    void Verbose(string message);
    void Debug(string message);
}

internal sealed class NullRdsClientLog : IRdsClientLog
{
    public static readonly NullRdsClientLog Instance = new();
    public void Verbose(string message) { }
    public void Debug(string message) { }
}
