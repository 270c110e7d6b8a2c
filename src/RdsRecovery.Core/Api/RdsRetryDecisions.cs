namespace RdsRecovery.Api;

/// <summary>The kinds of failed answer the retry decision tells apart (one row of <see cref="RdsRetryDecisions.Table"/> each).</summary>
public enum RdsFailedAnswer
{
    /// <summary>HTTP 429: the gateway throttled the request before the service judged it.</summary>
    Throttled,
    /// <summary>The connection was refused or the host not found: no byte of the request left this machine.</summary>
    NotSent,
    /// <summary>HTTP 409 or a documented busy code (DBS.200011, DBS.200047, ...): the service judged the request and refused it.</summary>
    Busy,
    /// <summary>HTTP 5xx: the service may have acted before it failed.</summary>
    ServerError,
    /// <summary>No answer within the request timeout.</summary>
    Timeout,
    /// <summary>The connection broke after the request was sent.</summary>
    DroppedAfterSending,
    /// <summary>A 2xx answer that cannot be read (not JSON, too large, no job id).</summary>
    UnreadableAnswer,
    /// <summary>HTTP 3xx: redirects are never followed.</summary>
    Redirect,
    /// <summary>The endpoint's TLS certificate is not trusted, or it does not speak TLS.</summary>
    TlsNotTrusted,
    /// <summary>Any other 4xx (400, 401, 403, 404, ...): the service refused the request as it is.</summary>
    OtherRefusal,
}

/// <summary>What the client does after one failed answer: for a read, and for the restore POST.</summary>
public sealed class RdsRetryDecision
{
    // Only the table below has rows.
    internal RdsRetryDecision() { }

    public RdsFailedAnswer Answer { get; internal init; }
    /// <summary>Statuses and codes this row covers.</summary>
    public string Examples { get; internal init; } = "";
    /// <summary>Reads (GET) are sent again within the retry budget.</summary>
    public bool RetryRead { get; internal init; }
    /// <summary>The restore POST is sent again within the retry budget.</summary>
    public bool RetryRestore { get; internal init; }
    /// <summary>The error id the restore ends with when it is not (or no longer) retried.</summary>
    public string RestoreResult { get; internal init; } = "";
    public string Why { get; internal init; } = "";
}

/// <summary>
/// The retry decision per kind of failed answer, as data: the client follows it and docs/reliability.md renders it
/// (a test compares the two). The restore POST is sent again only when the request provably never reached the
/// service's decision; a busy refusal is final, since the restore it collided with may finish and the second
/// send would overwrite the target again on rules judged before that restore.
/// </summary>
public static class RdsRetryDecisions
{
    public static IReadOnlyList<RdsRetryDecision> Table { get; } = new[]
    {
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.Throttled, RetryRead = true, RetryRestore = true, RestoreResult = "RdsThrottled",
            Examples = "429",
            Why = "The gateway refused it before the service judged it. `Retry-After` is honoured when the wait fits the budget, else the call ends.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.NotSent, RetryRead = true, RetryRestore = true, RestoreResult = "RdsTransportError",
            Examples = "connection refused, host not found, network unreachable",
            Why = "Nothing left this machine.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.Busy, RetryRead = false, RetryRestore = false, RestoreResult = "RdsResourceBusy",
            Examples = "409, DBS.200011, DBS.200047, DBS.201202, ... (`RdsServiceErrors.BusyErrorCodes`)",
            Why = "The service judged the request: another operation runs on the instance. Sending again when it ends would restore on rules judged before it (two restores into one target).",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.ServerError, RetryRead = true, RetryRestore = false, RestoreResult = "RestoreOutcomeUnknown",
            Examples = "500, 502, 503, 504",
            Why = "The service may have accepted the restore before it failed.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.Timeout, RetryRead = true, RetryRestore = false, RestoreResult = "RestoreOutcomeUnknown",
            Examples = "no answer within the request timeout",
            Why = "The request may have arrived.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.DroppedAfterSending, RetryRead = true, RetryRestore = false, RestoreResult = "RestoreOutcomeUnknown",
            Examples = "connection reset after the request was written",
            Why = "The request may have arrived.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.UnreadableAnswer, RetryRead = false, RetryRestore = false, RestoreResult = "RestoreOutcomeUnknown",
            Examples = "2xx that is not JSON, too large, or without `job_id`",
            Why = "The service answered; reading it again would not help, and the restore may have been accepted.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.Redirect, RetryRead = false, RetryRestore = false, RestoreResult = "RdsRedirectNotFollowed",
            Examples = "301, 302, 303, 307, 308",
            Why = "Following it would send the credentials or the signed request to another place; the error names the `Location`.",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.TlsNotTrusted, RetryRead = false, RetryRestore = false, RestoreResult = "RdsTlsNotTrusted",
            Examples = "untrusted certificate, name mismatch, not TLS",
            Why = "Trust does not change by waiting; the error says how to trust a private CA (`-CertificateAuthorityFile`).",
        },
        new RdsRetryDecision
        {
            Answer = RdsFailedAnswer.OtherRefusal, RetryRead = false, RetryRestore = false, RestoreResult = "the id of the refusal (RdsInvalidArgument, ...)",
            Examples = "400, 401, 403, 404 and other 4xx",
            Why = "The service refused the request as it is; the same request gets the same answer.",
        },
    };

    public static RdsRetryDecision For(RdsFailedAnswer answer) => Table.First(r => r.Answer == answer);

    /// <summary>Classifies one failed attempt. <paramref name="notSent"/>: the transport failed before anything was written.</summary>
    internal static RdsFailedAnswer Classify(RdsServiceException error, bool notSent) => error.Kind switch
    {
        RdsErrorKind.Throttled => RdsFailedAnswer.Throttled,
        RdsErrorKind.Busy => RdsFailedAnswer.Busy,
        RdsErrorKind.ServerError => RdsFailedAnswer.ServerError,
        RdsErrorKind.Timeout => RdsFailedAnswer.Timeout,
        RdsErrorKind.Transport => notSent ? RdsFailedAnswer.NotSent : RdsFailedAnswer.DroppedAfterSending,
        RdsErrorKind.InvalidResponse => RdsFailedAnswer.UnreadableAnswer,
        RdsErrorKind.Redirect => RdsFailedAnswer.Redirect,
        RdsErrorKind.TlsNotTrusted => RdsFailedAnswer.TlsNotTrusted,
        _ => RdsFailedAnswer.OtherRefusal,
    };

    /// <summary>The table as Markdown, exactly as docs/reliability.md shows it.</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| failed answer | statuses and codes | read sent again | restore POST sent again | restore ends with | why |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (var r in Table)
        {
            sb.Append("| ").Append(r.Answer).Append(" | ").Append(r.Examples).Append(" | ").Append(r.RetryRead ? "yes" : "no")
                .Append(" | ").Append(r.RetryRestore ? "**yes**" : "no").Append(" | ").Append(r.RestoreResult).Append(" | ").Append(r.Why).Append(" |\n");
        }
        return sb.ToString();
    }
}
