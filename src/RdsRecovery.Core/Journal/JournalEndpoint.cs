namespace RdsRecovery.Journal;

/// <summary>
/// Endpoints compared by meaning: scheme, host and port, with localhost, 127.0.0.1 and ::1 as one loopback host,
/// a default port written or not, host case and a trailing slash ignored.
/// </summary>
public static class JournalEndpoint
{
    public static bool Same(string? a, string? b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    /// <summary>A comparable form of an endpoint; unparseable text is compared as it is, trimmed and lower-cased.</summary>
    public static string Key(string? endpoint)
    {
        var text = (endpoint ?? "").Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return text.TrimEnd('/').ToLowerInvariant();
        var host = uri.IsLoopback ? "loopback" : uri.IdnHost.ToLowerInvariant();
        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Scheme.ToLowerInvariant()}://{host}:{uri.Port}{path}";
    }
}
