using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>What Connect-RdsAccount's check read found: fine, fine with a warning, or a refusal that says what to check.</summary>
public sealed class RdsConnectionCheckResult
{
    private RdsConnectionCheckResult() { }

    /// <summary>Why the connection cannot work; null when it can (perhaps with a warning).</summary>
    public RdsError? Error { get; private init; }
    /// <summary>Something to tell the user while keeping the connection (a 403 on listing instances).</summary>
    public string? Warning { get; private init; }
    /// <summary>The service's own answer, for -Verbose and the error record's inner exception.</summary>
    public RdsException? Cause { get; private init; }

    internal static RdsConnectionCheckResult Ok { get; } = new();
    internal static RdsConnectionCheckResult Warn(string warning, RdsException cause) => new() { Warning = warning, Cause = cause };
    internal static RdsConnectionCheckResult Fail(RdsError error, RdsException cause) => new() { Error = error, Cause = cause };
}

/// <summary>
/// One cheap signed read (GET /v3/{project_id}/instances?limit=1) so a wrong secret, project, region or endpoint
/// fails at connect, with a message naming what to check rather than the gateway's canonical request. A 403 that
/// is not about the project (an identity allowed to restore but not to list) keeps the connection with a warning.
/// </summary>
public static class RdsConnectionCheck
{
    /// <summary>Error codes the service answers for a project id these credentials may not use.</summary>
    private static readonly string[] ProjectCodes = { "DBS.200010", "DBS.200604" };

    public static async Task<RdsConnectionCheckResult> RunAsync(RdsConnection connection, RdsClientOptions? options, CancellationToken cancellationToken)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        try
        {
            using var client = connection.CreateClient(options);
            await client.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return RdsConnectionCheckResult.Ok;
        }
        catch (RdsServiceException ex)
        {
            return Judge(connection, ex);
        }
    }

    internal static RdsConnectionCheckResult Judge(RdsConnection connection, RdsServiceException ex)
    {
        var where = string.IsNullOrEmpty(connection.Region) ? $"endpoint {connection.Endpoint}" : $"region {connection.Region} (endpoint {connection.Endpoint})";
        var answer = ex.HttpStatus is int status ? $"HTTP {status}{(string.IsNullOrEmpty(ex.ErrorCode) ? "" : " " + ex.ErrorCode)}" : "no answer";
        var requestId = string.IsNullOrEmpty(ex.RequestId) ? "" : $" Request id: {ex.RequestId}.";
        var check = $"The check read GET /v3/{{project_id}}/instances?limit=1 to {where} got {answer}.";

        if ((ex.Kind == RdsErrorKind.Authentication || ex.HttpStatus == 401) && Mentions(ex, "project") && !Mentions(ex, "signature") && !Mentions(ex, "canonicalRequest"))
            return Fail(RdsErrorIds.ProjectIdRejected,
                $"The service refused project {connection.ProjectId} for these credentials. {check} {ProjectAdvice(connection)}{requestId}", connection, ex);
        if (ex.Kind == RdsErrorKind.Authentication || ex.HttpStatus == 401)
        {
            var what = connection.AuthenticationType == RdsAuthenticationType.Token
                ? "the IAM token (it expires after 24 hours and is valid only for the project it was issued for)"
                : "the access key and secret key (and -SecurityToken for temporary keys; they must be of the same pair)";
            return Fail(RdsErrorIds.CredentialsRejected,
                $"The service refused the credentials. {check} Check {what}, that this computer's clock is right (signatures more than 15 minutes off are refused), " +
                $"and that the endpoint belongs to the cloud the credentials are for.{requestId}", connection, ex);
        }
        if (ex.HttpStatus == 403 && Array.Exists(ProjectCodes, c => string.Equals(c, ex.ErrorCode, StringComparison.OrdinalIgnoreCase)))
            return Fail(RdsErrorIds.ProjectIdRejected,
                $"The service refused project {connection.ProjectId}. {check} {ProjectAdvice(connection)}{requestId}", connection, ex);
        if (ex.HttpStatus == 403)
            return RdsConnectionCheckResult.Warn(
                $"Connected, but this identity may not list instances ({answer}{(string.IsNullOrEmpty(ex.ErrorMessage) ? "" : ": " + ex.ErrorMessage)}). " +
                "Restores may still be allowed; the compatibility checks read instances, so they will fail until the identity may read them (or use -SkipCompatibilityCheck knowingly)." + requestId, ex);
        if (ex.HttpStatus == 404 || ex.Kind == RdsErrorKind.InvalidResponse)
            return Fail(RdsErrorIds.EndpointNotRds,
                $"The endpoint answered, but not as the RDS API. {check} Check -Endpoint: it is the service's base URI, such as https://rds.{{region}}.myhuaweicloud.com, " +
                $"without an API path (the module adds /v3/{{project_id}}/...), and no proxy rewrites it. A project id unknown to the service can also answer 404.{requestId}",
                connection.Endpoint, ex);
        if (ex.Kind == RdsErrorKind.Transport || ex.Kind == RdsErrorKind.Timeout)
            return Fail(RdsErrorIds.EndpointUnreachable,
                $"{connection.Endpoint} could not be reached ({ex.Message}). Check the region name or -Endpoint, the network and any proxy; " +
                "-SkipValidation connects without this check (for example to prepare a connection offline).", connection.Endpoint, ex);
        return Fail(RdsErrorIds.ConnectionCheckFailed,
            $"The check read failed. {check} {ex.ErrorMessage} Try again later; -SkipValidation connects without this check.{requestId}", connection, ex);
    }

    private static string ProjectAdvice(RdsConnection connection) =>
        "Check the project id: each region has its own, and it must be the project of " +
        (string.IsNullOrEmpty(connection.Region) ? "this endpoint's region" : "region " + connection.Region) +
        " in the account of these credentials (IAM console, My Credentials, Projects).";

    private static bool Mentions(RdsServiceException ex, string word) =>
        ex.ErrorMessage is { } message && message.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    private static RdsConnectionCheckResult Fail(string id, string message, object target, RdsException cause) =>
        RdsConnectionCheckResult.Fail(new RdsError(id, message, target, cause: cause), cause);
}
