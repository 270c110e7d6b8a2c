namespace RdsRecovery.Api;

/// <summary>
/// A request that failed: an HTTP status of 400 or more, no answer at all, or an answer that cannot be read.
/// The message names the method, path, status, service error code and message, and the request id.
/// </summary>
public sealed class RdsServiceException : RdsException
{
    internal RdsServiceException(
        RdsErrorKind kind, string method, string path, int? httpStatus, string? errorCode, string? errorMessage,
        string? requestId, string? detail = null, Exception? inner = null)
        : base(new RdsError(RdsServiceErrors.ErrorIdFor(kind), Compose(method, path, httpStatus, errorCode, errorMessage, requestId, detail)), inner)
    {
        Kind = kind;
        Method = method;
        Path = path;
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    /// <summary>What kind of failure it is: decides the error id and whether a call is retried.</summary>
    public RdsErrorKind Kind { get; }

    /// <summary>HTTP status, or null when no answer arrived (transport errors, timeouts).</summary>
    public int? HttpStatus { get; }

    /// <summary>The service's error_code (or code / errCode), for example DBS.200543.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's error_msg (or message / externalMessage).</summary>
    public string? ErrorMessage { get; }

    /// <summary>X-Request-Id of the failed request (or the body's request_id), for support cases.</summary>
    public string? RequestId { get; }

    public string Method { get; }

    /// <summary>The request path and query (no host, no credentials).</summary>
    public string Path { get; }

    /// <summary>True when a job query says the job does not exist (yet): DBS.200543 or 404.</summary>
    public bool IsJobNotFound => string.Equals(ErrorCode, RdsServiceErrors.JobNotFoundCode, StringComparison.OrdinalIgnoreCase) || HttpStatus == 404;

    private static string Compose(string method, string path, int? status, string? code, string? message, string? requestId, string? detail)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(path).Append(" failed");
        if (status is int s) sb.Append(": HTTP ").Append(s.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(code)) sb.Append(' ').Append(code);
        if (!string.IsNullOrEmpty(message)) sb.Append(": ").Append(message);
        if (!string.IsNullOrEmpty(detail)) sb.Append(status is null && string.IsNullOrEmpty(message) ? ": " : ". ").Append(detail);
        sb.Append(" (request id: ").Append(string.IsNullOrEmpty(requestId) ? "none" : requestId).Append(')');
        return sb.ToString();
    }
}
