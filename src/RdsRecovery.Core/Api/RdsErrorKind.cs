namespace RdsRecovery.Api;

/// <summary>What kind of failure a request met: decides its error id (RdsServiceErrors.ErrorIdFor) and whether it is retried.</summary>
public enum RdsErrorKind
{
    Unknown = 0,
    /// <summary>404, or a "does not exist" code such as DBS.200543.</summary>
    NotFound,
    /// <summary>403.</summary>
    PermissionDenied,
    /// <summary>401.</summary>
    Authentication,
    /// <summary>409 or a documented "instance busy" code.</summary>
    Busy,
    /// <summary>400 and other client errors.</summary>
    InvalidArgument,
    /// <summary>429.</summary>
    Throttled,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>No HTTP answer: DNS, connection refused or dropped.</summary>
    Transport,
    /// <summary>No answer within the per-request timeout.</summary>
    Timeout,
    /// <summary>An answer that is not what the API documents: malformed, HTML, too large.</summary>
    InvalidResponse,
    /// <summary>A 3xx answer: redirects are never followed.</summary>
    Redirect,
    /// <summary>The TLS certificate is not trusted, its name does not match, or the endpoint does not speak TLS.</summary>
    TlsNotTrusted,
}
