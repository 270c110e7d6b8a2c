using System.Net.Http;
using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>
/// Refusals in words: the two answers the client refuses to go past, a redirect (never followed: it would carry the
/// credentials or the signed request elsewhere) and a TLS connection that is not trusted (never retried), and the two
/// ways a restore ends without being sent again, a busy target and an outcome the client cannot know.
/// </summary>
internal static class RdsHttpRefusals
{
    public static RdsServiceException Redirected(RdsRedactor redactor, string method, string path, int status, string? requestId, Uri uri, Uri? location)
    {
        var target = location is null ? null : (location.IsAbsoluteUri ? location : new Uri(uri, location)).ToString();
        if (target is not null && target.Length > 300) target = target.Substring(0, 300) + "...";
        var where = target is null ? "without a Location" : $"to {redactor.Clean(target)}";
        return new RdsServiceException(RdsErrorKind.Redirect, method, path, status, null, null, requestId,
            $"The endpoint redirected the request {where}. Redirects are not followed, so no credential or signed request goes elsewhere; nothing was sent there. "
            + "If that address is the right endpoint and you trust it, connect to it directly (Connect-RdsAccount -Endpoint).");
    }

    public static RdsServiceException TlsNotTrusted(string method, string path, Uri uri, string problem)
    {
        var endpoint = uri.GetLeftPart(UriPartial.Authority);
        return new RdsServiceException(RdsErrorKind.TlsNotTrusted, method, path, null, null, null, null,
            $"The TLS connection to {endpoint} was refused: {problem}. Nothing was sent, and it is not retried. If the endpoint uses a private CA, "
            + $"trust it for this connection with Connect-RdsAccount -CertificateAuthorityFile <ca.pem> (or the {RdsEnvironmentVariables.CertificateAuthorityFile} "
            + "environment variable); certificate verification is never turned off.");
    }

    /// <summary>Why TLS failed, in words, or null when the failure was not TLS.</summary>
    public static string? TlsFailure(HttpRequestMessage request, HttpRequestException ex)
    {
        if (request.Properties.TryGetValue(RdsHttpHandlers.TlsProblemProperty, out var recorded) && recorded is string problem) return problem;
        // .NET names a failed handshake HttpRequestError.SecureConnectionError (not in netstandard2.0: read by name).
        var error = ex.GetType().GetProperty("HttpRequestError")?.GetValue(ex)?.ToString();
        var handshake = error == "SecureConnectionError";
        for (Exception? e = ex; e is not null && !handshake; e = e.InnerException)
            handshake = e is System.Security.Authentication.AuthenticationException;
        return handshake ? "the TLS handshake failed (does the endpoint speak TLS on that port? An http:// server answers nothing TLS can read)" : null;
    }

    /// <summary>The busy refusal of a restore, naming the target and what to check; it was not sent again.</summary>
    public static RdsServiceException BusyRestore(RdsServiceException error, string target)
    {
        var t = target.Length == 0 ? "<target>" : target;
        return new RdsServiceException(RdsErrorKind.Busy, error.Method, error.Path, error.HttpStatus, error.ErrorCode, error.ErrorMessage, error.RequestId,
            $"The target instance {t} is busy: another restore or operation runs on it, so the service refused this restore. It was NOT sent again "
            + "(a second send after that operation ends would overwrite the target again). Check 'Get-RdsInstance -InstanceId " + t
            + "' (RESTORING while a restore runs) and 'Get-RdsRestoreJob -Recent -TargetInstanceId " + t
            + "'; once it is ACTIVE and you still want this restore, run it again.");
    }

    /// <summary>A restore that may have reached the service (no clear answer): never sent again, and said so with the reason.</summary>
    public static RestoreOutcomeUnknownException OutcomeUnknown(RdsServiceException error, string target)
    {
        var reason = error.HttpStatus is int s
            ? $"HTTP {s}{(error.ErrorCode is null ? "" : " " + error.ErrorCode)}{(error.Kind == RdsErrorKind.InvalidResponse ? ", unreadable answer" : "")}"
            : error.Kind == RdsErrorKind.Timeout ? "no answer within the request timeout" : "the connection failed after the request was sent";
        return new RestoreOutcomeUnknownException(target, reason, error.HttpStatus, error.RequestId, error);
    }
}
