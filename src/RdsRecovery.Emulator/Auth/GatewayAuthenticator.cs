using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using RdsRecovery.Emulator.Api;

namespace RdsRecovery.Emulator.Auth;

/// <summary>
/// Authenticates a request as the API gateway does: an IAM token it issued (X-Auth-Token), or an
/// SDK-HMAC-SHA256 signature over the headers named in SignedHeaders, with X-Sdk-Date within 15 minutes.
/// </summary>
internal sealed class GatewayAuthenticator(EmulatorServices services)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    public void Authenticate(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var headers = context.Request.Headers;
        var token = headers["X-Auth-Token"].ToString();
        if (token.Length > 0)
        {
            var expires = services.Store.TokenExpiry(TokensApi.Hash(token));
            if (expires is null || expires.Value <= WireTime.NowMs())
                throw Fail("Incorrect IAM authentication information: the token is invalid or has expired.");
            CheckProjectHeader(context);
            return;
        }
        var authorization = headers.Authorization.ToString();
        if (authorization.Length == 0)
            throw Fail("Incorrect IAM authentication information: Authorization header or X-Auth-Token not found.");
        if (!AuthorizationHeader.TryParse(authorization, out var parsed))
            throw Fail("Incorrect IAM authentication information: unsupported or malformed Authorization header (expected SDK-HMAC-SHA256).");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parsed.AccessKey), Encoding.UTF8.GetBytes(services.Options.AccessKey)))
            throw Fail($"Incorrect IAM authentication information: ak {parsed.AccessKey} not exist.");
        if (!parsed.SignedHeaders.Contains("x-sdk-date", StringComparer.Ordinal))
            throw Fail("Incorrect IAM authentication information: x-sdk-date must be a signed header.");
        var sdkDate = headers["X-Sdk-Date"].ToString();
        if (!DateTime.TryParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
            throw Fail($"Incorrect IAM authentication information: X-Sdk-Date '{sdkDate}' is not in the form yyyyMMddTHHmmssZ.");
        var skew = DateTime.UtcNow - DateTime.SpecifyKind(signedAt, DateTimeKind.Utc);
        if (skew.Duration() > MaxClockSkew)
            throw Fail($"Incorrect IAM authentication information: the request time X-Sdk-Date {sdkDate} is more than 15 minutes from the server time {DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}; check the client clock.");

        var signed = new List<KeyValuePair<string, string>>();
        foreach (var name in parsed.SignedHeaders)
        {
            if (name.Length == 0 || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
                throw Fail($"Incorrect IAM authentication information: signed header names must be lower case, not '{name}'.");
            signed.Add(new(name, string.Join(",", headers[name].ToArray())));
        }
        var (rawPath, rawQuery) = RawTarget(context);
        var bodyHash = headers["X-Sdk-Content-Sha256"].ToString() == "UNSIGNED-PAYLOAD"
            ? "UNSIGNED-PAYLOAD"
            : SdkHmacSha256.HexSha256(body.Span);
        var canonical = SdkHmacSha256.CanonicalRequest(context.Request.Method, rawPath, rawQuery, signed, bodyHash);
        var expected = SdkHmacSha256.Signature(services.Options.SecretKey, SdkHmacSha256.StringToSign(sdkDate, canonical));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parsed.Signature.ToLowerInvariant())))
            throw Fail($"Incorrect IAM authentication information: verify aksk signature fail, ak:{parsed.AccessKey}, canonicalRequest:{canonical.Replace('\n', '|')}");
        CheckProjectHeader(context);
    }

    private void CheckProjectHeader(HttpContext context)
    {
        var projectHeader = context.Request.Headers["X-Project-Id"].ToString();
        if (projectHeader.Length > 0 && projectHeader != services.Options.ProjectId)
            throw Fail($"Incorrect IAM authentication information: X-Project-Id {projectHeader} does not match the credentials' project.");
    }

    /// <summary>Path and query exactly as the client sent them (still percent-encoded).</summary>
    private static (string Path, string Query) RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) raw = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        var q = raw.IndexOf('?');
        return q < 0 ? (raw, "") : (raw[..q], raw[(q + 1)..]);
    }

    private static ApiException Fail(string message) => new(401, ErrorCodes.GatewayAuth, message) { Gateway = true };
}
