namespace RdsRecovery.Api;

/// <summary>What went wrong, coarse enough to map onto a PowerShell ErrorCategory.</summary>
public enum RdsErrorKind
{
    Unknown = 0,
    /// <summary>404, or a "does not exist" code such as DBS.200543 (ObjectNotFound).</summary>
    NotFound,
    /// <summary>403 (PermissionDenied).</summary>
    PermissionDenied,
    /// <summary>401 (AuthenticationError).</summary>
    Authentication,
    /// <summary>409 or a documented "instance busy" code (ResourceBusy).</summary>
    Busy,
    /// <summary>400 and other client errors (InvalidArgument).</summary>
    InvalidArgument,
    /// <summary>429 (LimitsExceeded).</summary>
    Throttled,
    /// <summary>5xx (NotSpecified / ResourceUnavailable).</summary>
    ServerError,
    /// <summary>No HTTP answer: DNS, connection refused or dropped (ConnectionError).</summary>
    Transport,
    /// <summary>No answer within the per-request timeout (OperationTimeout).</summary>
    Timeout,
    /// <summary>An answer that is not what the API documents: malformed, HTML, too large (InvalidResult).</summary>
    InvalidResponse,
    /// <summary>Local configuration: credentials, project, region, endpoint (InvalidArgument / ObjectNotFound).</summary>
    Configuration,
    /// <summary>A 3xx answer: redirects are never followed (ProtocolError).</summary>
    Redirect,
    /// <summary>The TLS certificate is not trusted, its name does not match, or the endpoint does not speak TLS (SecurityError).</summary>
    TlsNotTrusted,
    /// <summary>The local restore journal cannot be used (WriteError).</summary>
    Journal,
}
