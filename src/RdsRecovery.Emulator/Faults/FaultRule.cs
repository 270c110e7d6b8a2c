using System.Text.RegularExpressions;

namespace RdsRecovery.Emulator.Faults;

/// <summary>What a fault does to a matching request.</summary>
internal enum FaultKind { Latency, Error, Throttle, Busy, Drop, Malformed, Rewrite }

/// <summary>
/// One fault rule. <see cref="Path"/> is a regular expression on the request path (null = every path),
/// <see cref="Method"/> an HTTP method (null = any), <see cref="Probability"/> the share of matching
/// requests it hits, <see cref="Remaining"/> how many more times it may hit (null = no limit).
/// </summary>
internal sealed class FaultRule
{
    public FaultKind Kind { get; init; }
    public string? Path { get; init; }
    public Regex? PathRegex { get; init; }
    public string? Method { get; init; }
    public double Probability { get; init; } = 1.0;
    public int? Remaining { get; set; }
    public int LatencyMs { get; init; }
    public int Status { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMsg { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    /// <summary>For Drop: abort after the request was handled (the change happened) instead of before.</summary>
    public bool AfterHandling { get; init; }
    /// <summary>For Rewrite: fields of the real answer to set (path to JSON value) and to remove.</summary>
    public System.Text.Json.Nodes.JsonObject? Set { get; init; }
    public string[] Remove { get; init; } = Array.Empty<string>();
    public int Hits { get; set; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathRegex is null || PathRegex.IsMatch(path)) &&
        Remaining is null or > 0;
}
