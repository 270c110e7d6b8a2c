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
    private readonly byte[]? _secretKeyUtf8;
    private readonly string? _securityToken;
    private readonly string? _iamToken;

    private RdsCredentials(RdsAuthenticationType type, string? accessKey, byte[]? secretKeyUtf8, string? securityToken, string? iamToken)
    {
        AuthenticationType = type;
        AccessKey = accessKey;
        _secretKeyUtf8 = secretKeyUtf8;
        _securityToken = securityToken;
        _iamToken = iamToken;
    }

    public RdsAuthenticationType AuthenticationType { get; }

    /// <summary>The access key id (an identifier, not a secret); null for token authentication.</summary>
    internal string? AccessKey { get; }

    /// <summary>The access key shortened to a prefix, safe to display.</summary>
    public string? AccessKeyPrefix => Mask(AccessKey);

    public bool HasSecurityToken => !string.IsNullOrEmpty(_securityToken);

    /// <remarks>Throws <see cref="Api.RdsException"/> (InvalidCredentialCharacters) when the access key or token cannot travel in a header.</remarks>
    public static RdsCredentials FromAccessKey(string accessKey, string secretKey, string? securityToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKey)) throw new ArgumentException("The access key is empty.", nameof(accessKey));
        if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        var token = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken!.Trim();
        HeaderValueCheck.Require(accessKey.Trim(), "access key");
        if (token is not null) HeaderValueCheck.Require(token, "security token");
        return new RdsCredentials(RdsAuthenticationType.AkSk, accessKey.Trim(), Encoding.UTF8.GetBytes(secretKey), token, null);
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
        return new RdsCredentials(RdsAuthenticationType.Token, null, null, null, token.Trim());
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
            request.Headers.TryAddWithoutValidation("X-Auth-Token", _iamToken);
            return;
        }
        if (_securityToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Security-Token", _securityToken);
            signedHeaderValues.Add(new KeyValuePair<string, string>("x-security-token", _securityToken));
        }
        var names = new List<string>(signedHeaderValues.Count);
        foreach (var h in signedHeaderValues) names.Add(h.Key);
        var authorization = SdkHmacSha256Signer.Sign(request.Method.Method, request.RequestUri!, signedHeaderValues, names, body, AccessKey!, _secretKeyUtf8!);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    /// <summary>Every secret form this credential holds, for redaction of diagnostics.</summary>
    internal IEnumerable<string> SecretValues()
    {
        if (_secretKeyUtf8 is not null) yield return Encoding.UTF8.GetString(_secretKeyUtf8);
        if (_securityToken is not null) yield return _securityToken;
        if (_iamToken is not null) yield return _iamToken;
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
