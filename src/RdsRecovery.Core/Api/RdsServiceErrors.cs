namespace RdsRecovery.Api;

/// <summary>Maps HTTP statuses and RDS error codes to an <see cref="RdsErrorKind"/>, and a kind to its error id (whose category is in RdsErrorCatalog).</summary>
public static class RdsServiceErrors
{
    /// <summary>"The job does not exist": also what a job just created answers for its first seconds.</summary>
    public const string JobNotFoundCode = "DBS.200543";

    /// <summary>
    /// Documented "instance busy / another operation in progress" codes (api-facts.md §3): the service judged the
    /// request and refused it; nothing is sent again (see <see cref="RdsRetryDecisions"/>).
    /// </summary>
    public static IReadOnlyCollection<string> BusyErrorCodes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "DBS.201202", "DBS.200011", "DBS.200018", "DBS.200019", "DBS.200047", "DBS.200076", "DBS.200611",
        "DBS.200080", "DBS.200452", "DBS.200463", "DBS.201015", "DBS.201206", "DBS.212033", "DBS.280011",
        "DBS.280343", "DBS.280816", "DBS.01010337", "DBS.01280030", "DBS.212006", "DBS.200316", "DBS.201205",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        JobNotFoundCode, "DBS.201203", "DBS.280214", "DBS.280128",
    };

    public static bool IsBusyCode(string? code) => code is not null && ((HashSet<string>)BusyErrorCodes).Contains(code);

    public static RdsErrorKind Classify(int status, string? errorCode)
    {
        if (IsBusyCode(errorCode)) return RdsErrorKind.Busy;
        if (errorCode is not null && NotFoundCodes.Contains(errorCode)) return RdsErrorKind.NotFound;
        return status switch
        {
            400 => RdsErrorKind.InvalidArgument,
            401 => RdsErrorKind.Authentication,
            403 => RdsErrorKind.PermissionDenied,
            404 => RdsErrorKind.NotFound,
            408 => RdsErrorKind.Timeout,
            409 => RdsErrorKind.Busy,
            429 => RdsErrorKind.Throttled,
            >= 500 => RdsErrorKind.ServerError,
            >= 400 => RdsErrorKind.InvalidArgument,
            _ => RdsErrorKind.Unknown,
        };
    }

    /// <summary>The stable error id for a kind of service or transport failure.</summary>
    public static string ErrorIdFor(RdsErrorKind kind) => kind switch
    {
        RdsErrorKind.NotFound => RdsErrorIds.RdsResourceNotFound,
        RdsErrorKind.PermissionDenied => RdsErrorIds.RdsPermissionDenied,
        RdsErrorKind.Authentication => RdsErrorIds.RdsAuthenticationFailed,
        RdsErrorKind.Busy => RdsErrorIds.RdsResourceBusy,
        RdsErrorKind.InvalidArgument => RdsErrorIds.RdsInvalidArgument,
        RdsErrorKind.Throttled => RdsErrorIds.RdsThrottled,
        RdsErrorKind.ServerError => RdsErrorIds.RdsServerError,
        RdsErrorKind.Transport => RdsErrorIds.RdsTransportError,
        RdsErrorKind.Timeout => RdsErrorIds.RdsRequestTimeout,
        RdsErrorKind.InvalidResponse => RdsErrorIds.RdsInvalidResponse,
        RdsErrorKind.Redirect => RdsErrorIds.RdsRedirectNotFollowed,
        RdsErrorKind.TlsNotTrusted => RdsErrorIds.RdsTlsNotTrusted,
        _ => RdsErrorIds.RdsServiceError,
    };
}
