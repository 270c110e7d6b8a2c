namespace RdsRecovery.Api;

/// <summary>Stable error ids for error records; cmdlets use them as the ErrorRecord id.</summary>
public static class RdsErrorIds
{
    // Configuration (Connect-RdsAccount and credential resolution).
    public const string CredentialsNotFound = "CredentialsNotFound";
    public const string CredentialsIncomplete = "CredentialsIncomplete";
    public const string CredentialsFileInvalid = "CredentialsFileInvalid";
    public const string ProjectIdNotFound = "ProjectIdNotFound";
    public const string InvalidProjectId = "InvalidProjectId";
    public const string RegionOrEndpointRequired = "RegionOrEndpointRequired";
    public const string InvalidRegion = "InvalidRegion";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string InsecureEndpoint = "InsecureEndpoint";

    // Service and transport, one per RdsErrorKind.
    public const string NotFound = "RdsResourceNotFound";
    public const string PermissionDenied = "RdsPermissionDenied";
    public const string Authentication = "RdsAuthenticationFailed";
    public const string Busy = "RdsResourceBusy";
    public const string InvalidArgument = "RdsInvalidArgument";
    public const string Throttled = "RdsThrottled";
    public const string ServerError = "RdsServerError";
    public const string Transport = "RdsTransportError";
    public const string Timeout = "RdsRequestTimeout";
    public const string InvalidResponse = "RdsInvalidResponse";
    public const string ServiceError = "RdsServiceError";

    /// <summary>The restore POST may or may not have been accepted; it was not sent again.</summary>
    public const string RestoreOutcomeUnknown = "RestoreOutcomeUnknown";

    // Job waiting.
    public const string JobFailed = "RestoreJobFailed";
    public const string JobNotFound = "RestoreJobNotFound";
    public const string JobWaitTimeout = "RestoreJobWaitTimeout";
    public const string JobPollFailed = "RestoreJobPollFailed";
    public const string TargetInstanceFailed = "RestoreTargetInstanceFailed";

    public static string ForKind(RdsErrorKind kind) => kind switch
    {
        RdsErrorKind.NotFound => NotFound,
        RdsErrorKind.PermissionDenied => PermissionDenied,
        RdsErrorKind.Authentication => Authentication,
        RdsErrorKind.Busy => Busy,
        RdsErrorKind.InvalidArgument => InvalidArgument,
        RdsErrorKind.Throttled => Throttled,
        RdsErrorKind.ServerError => ServerError,
        RdsErrorKind.Transport => Transport,
        RdsErrorKind.Timeout => Timeout,
        RdsErrorKind.InvalidResponse => InvalidResponse,
        _ => ServiceError,
    };
}
