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
        Row(RdsFailedAnswer.Throttled, retryRead: true, retryRestore: true, endsWith: "RdsThrottled", examples: "429",
            why: "The gateway refused it before the service judged it. `Retry-After` is honoured when the wait fits the budget, else the call ends."),
        Row(RdsFailedAnswer.NotSent, retryRead: true, retryRestore: true, endsWith: "RdsTransportError", examples: "connection refused, host not found, network unreachable",
            why: "Nothing left this machine."),
        Row(RdsFailedAnswer.Busy, retryRead: false, retryRestore: false, endsWith: "RdsResourceBusy", examples: "409, DBS.200011, DBS.200047, DBS.201202, ... (`RdsServiceErrors.BusyErrorCodes`)",
            why: "The service judged the request: another operation runs on the instance. Sending again when it ends would restore on rules judged before it (two restores into one target)."),
        Row(RdsFailedAnswer.ServerError, retryRead: true, retryRestore: false, endsWith: "RestoreOutcomeUnknown", examples: "500, 502, 503, 504",
            why: "The service may have accepted the restore before it failed."),
        Row(RdsFailedAnswer.Timeout, retryRead: true, retryRestore: false, endsWith: "RestoreOutcomeUnknown", examples: "no answer within the request timeout",
            why: "The request may have arrived."),
        Row(RdsFailedAnswer.DroppedAfterSending, retryRead: true, retryRestore: false, endsWith: "RestoreOutcomeUnknown", examples: "connection reset after the request was written",
            why: "The request may have arrived."),
        Row(RdsFailedAnswer.UnreadableAnswer, retryRead: false, retryRestore: false, endsWith: "RestoreOutcomeUnknown", examples: "2xx that is not JSON, too large, or without `job_id`",
            why: "The service answered; reading it again would not help, and the restore may have been accepted."),
        Row(RdsFailedAnswer.Redirect, retryRead: false, retryRestore: false, endsWith: "RdsRedirectNotFollowed", examples: "301, 302, 303, 307, 308",
            why: "Following it would send the credentials or the signed request to another place; the error names the `Location`."),
        Row(RdsFailedAnswer.TlsNotTrusted, retryRead: false, retryRestore: false, endsWith: "RdsTlsNotTrusted", examples: "untrusted certificate, name mismatch, not TLS",
            why: "Trust does not change by waiting; the error says how to trust a private CA (`-CertificateAuthorityFile`)."),
        Row(RdsFailedAnswer.OtherRefusal, retryRead: false, retryRestore: false, endsWith: "the id of the refusal (RdsInvalidArgument, ...)", examples: "400, 401, 403, 404 and other 4xx",
            why: "The service refused the request as it is; the same request gets the same answer."),
    };

    private static RdsRetryDecision Row(RdsFailedAnswer answer, bool retryRead, bool retryRestore, string endsWith, string examples, string why) =>
        new() { Answer = answer, RetryRead = retryRead, RetryRestore = retryRestore, RestoreResult = endsWith, Examples = examples, Why = why };

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
