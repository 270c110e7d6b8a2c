using System.Net;
using System.Net.Http;
using System.Security;

namespace RdsRecovery.Auth;

/// <summary>
/// An access key pair (optionally temporary, with a security token) or an IAM token.
/// The secret parts are held privately: no property returns them and ToString shows only the access key prefix.
/// </summary>
public sealed class RdsCredentials
{
    // Only the factories build one.
    private RdsCredentials() { }

    public RdsAuthenticationType AuthenticationType { get; private init; }

    /// <summary>The access key id (an identifier, not a secret); null for token authentication.</summary>
    internal string? AccessKey { get; private init; }

    // The secret parts: private, so no output, serializer or formatter can reach them.
    private byte[]? SecretKeyUtf8 { get; init; }
    private string? SecurityToken { get; init; }
    private string? IamToken { get; init; }

    /// <summary>The access key shortened to a prefix, safe to display.</summary>
    public string? AccessKeyPrefix => Mask(AccessKey);

    public bool HasSecurityToken => !string.IsNullOrEmpty(SecurityToken);

    /// <remarks>Throws <see cref="Api.RdsException"/> (InvalidCredentialCharacters) when the access key or token cannot travel in a header.</remarks>
    public static RdsCredentials FromAccessKey(string accessKey, string secretKey, string? securityToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKey)) throw new ArgumentException("The access key is empty.", nameof(accessKey));
        if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        var token = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken!.Trim();
        HeaderValueCheck.Require(accessKey.Trim(), "access key");
        if (token is not null) HeaderValueCheck.Require(token, "security token");
        return new RdsCredentials
        {
            AuthenticationType = RdsAuthenticationType.AkSk, AccessKey = accessKey.Trim(), SecretKeyUtf8 = Encoding.UTF8.GetBytes(secretKey), SecurityToken = token,
        };
    }

    public static RdsCredentials FromAccessKey(string accessKey, SecureString secretKey, SecureString? securityToken = null)
    {
        if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
        return FromAccessKey(accessKey, Reveal(secretKey), securityToken is null ? null : Reveal(securityToken));
    }

    public static RdsCredentials FromToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("The IAM token is empty.", nameof(token));
        HeaderValueCheck.Require(token.Trim(), "IAM token");
        return new RdsCredentials { AuthenticationType = RdsAuthenticationType.Token, IamToken = token.Trim() };
    }

    public static RdsCredentials FromToken(SecureString token)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        return FromToken(Reveal(token));
    }

    /// <summary>
    /// Adds the authentication headers to a request whose other headers (X-Sdk-Date, X-Project-Id) are set.
    /// The security token is added before signing so that it is signed, as the SDKs do.
    /// </summary>
    internal void Apply(HttpRequestMessage request, byte[]? body, List<KeyValuePair<string, string>> signedHeaderValues)
    {
        if (AuthenticationType == RdsAuthenticationType.Token)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", IamToken);
            return;
        }
        if (SecurityToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Security-Token", SecurityToken);
            signedHeaderValues.Add(new KeyValuePair<string, string>("x-security-token", SecurityToken));
        }
        var names = new List<string>(signedHeaderValues.Count);
        foreach (var h in signedHeaderValues) names.Add(h.Key);
        var authorization = SdkHmacSha256Signer.Sign(request.Method.Method, request.RequestUri!, signedHeaderValues, names, body, AccessKey!, SecretKeyUtf8!);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    /// <summary>Every secret form this credential holds, for redaction of diagnostics.</summary>
    internal IEnumerable<string> SecretValues()
    {
        if (SecretKeyUtf8 is not null) yield return Encoding.UTF8.GetString(SecretKeyUtf8);
        if (SecurityToken is not null) yield return SecurityToken;
        if (IamToken is not null) yield return IamToken;
    }

    internal static string? Mask(string? accessKey)
    {
        if (string.IsNullOrEmpty(accessKey)) return null;
        var keep = Math.Min(4, accessKey!.Length / 2);
        return accessKey.Substring(0, keep) + new string('*', 8);
    }

    private static string Reveal(SecureString value) => new NetworkCredential(string.Empty, value).Password;

    public override string ToString() => AuthenticationType == RdsAuthenticationType.Token
        ? "IAM token"
        : $"Access key {AccessKeyPrefix}{(HasSecurityToken ? " (temporary)" : "")}";
}
