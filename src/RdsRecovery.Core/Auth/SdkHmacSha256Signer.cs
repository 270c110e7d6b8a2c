using System.Security.Cryptography;

namespace RdsRecovery.Auth;

/// <summary>
/// The pure SDK-HMAC-SHA256 signing function the Huawei Cloud API gateway verifies (api-facts.md §5.1).
/// It has no clock and no I/O: the caller passes the X-Sdk-Date header among the headers and names
/// the headers to sign, so the official vectors (which differ in their signed sets) can all be checked.
/// </summary>
// Deliberate twin of the emulator's RdsRecovery.Emulator/Auth/SdkHmacSha256.cs; in step by SignerVectorTests.cs, SignatureVectorTests.cs (official vectors).
public static class SdkHmacSha256Signer
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>Lower-case hex SHA-256 of an empty body.</summary>
    public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>X-Sdk-Date format: yyyyMMdd'T'HHmmss'Z' in UTC.</summary>
    public static string FormatSdkDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical path: each segment unescaped then re-encoded, always ending in '/'.</summary>
    public static string CanonicalUri(Uri uri)
    {
        var path = uri.AbsolutePath;
        var segments = path.Split('/');
        var encoded = string.Join("/", segments.Select(s => SigningEncoder.Encode(Uri.UnescapeDataString(s))));
        if (encoded.Length == 0 || encoded[0] != '/') encoded = "/" + encoded;
        if (!encoded.EndsWith("/", StringComparison.Ordinal)) encoded += "/";
        return encoded;
    }

    /// <summary>The canonical query: pairs sorted by key then value (ordinal), each side percent-encoded.</summary>
    public static string CanonicalQueryString(Uri uri)
    {
        var query = uri.Query;
        if (string.IsNullOrEmpty(query) || query == "?") return "";
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part.Substring(0, eq);
            var value = eq < 0 ? "" : part.Substring(eq + 1);
            pairs.Add(new KeyValuePair<string, string>(
                SigningEncoder.Encode(Uri.UnescapeDataString(key)),
                SigningEncoder.Encode(Uri.UnescapeDataString(value))));
        }
        return string.Join("&", pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>The Host value the gateway sees: host, plus :port unless it is the scheme's default.</summary>
    public static string HostValue(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Builds the canonical request. <paramref name="signedHeaders"/> names the headers to sign (any case);
    /// a signed <c>host</c> missing from <paramref name="headers"/> is taken from the URI.
    /// </summary>
    public static string CanonicalRequest(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers,
        IEnumerable<string> signedHeaders, byte[]? body, out string signedHeaderList)
    {
        var names = signedHeaders.Select(h => h.Trim().ToLowerInvariant()).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in headers)
        {
            var name = h.Key.Trim().ToLowerInvariant();
            if (!values.ContainsKey(name)) values[name] = (h.Value ?? "").Trim();
        }
        if (names.Contains("host") && !values.ContainsKey("host")) values["host"] = HostValue(uri);

        var canonicalHeaders = new StringBuilder();
        foreach (var name in names)
        {
            if (!values.TryGetValue(name, out var value))
                throw new ArgumentException($"The header '{name}' is to be signed but the request does not carry it.", nameof(signedHeaders));
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }
        signedHeaderList = string.Join(";", names);

        return method.ToUpperInvariant() + "\n"
            + CanonicalUri(uri) + "\n"
            + CanonicalQueryString(uri) + "\n"
            + canonicalHeaders + "\n"
            + signedHeaderList + "\n"
            + HexSha256(body ?? Array.Empty<byte>());
    }

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>
    /// Signs a request and returns the Authorization header value. The X-Sdk-Date header must be among
    /// <paramref name="headers"/> and is always signed.
    /// </summary>
    public static string Sign(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers,
        IEnumerable<string> signedHeaders, byte[]? body, string accessKey, string secretKey)
    {
        if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
        var key = Encoding.UTF8.GetBytes(secretKey);
        try
        {
            return Sign(method, uri, headers, signedHeaders, body, accessKey, key);
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
        }
    }

    internal static string Sign(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers,
        IEnumerable<string> signedHeaders, byte[]? body, string accessKey, byte[] secretKeyUtf8)
    {
        var headerList = headers as IList<KeyValuePair<string, string>> ?? headers.ToList();
        var sdkDate = headerList.FirstOrDefault(h => string.Equals(h.Key, "X-Sdk-Date", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(sdkDate)) throw new ArgumentException("The request carries no X-Sdk-Date header.", nameof(headers));
        var signed = signedHeaders.Append("x-sdk-date");
        var canonical = CanonicalRequest(method, uri, headerList, signed, body, out var signedHeaderList);
        var toSign = StringToSign(sdkDate!, canonical);
        using var hmac = new HMACSHA256(secretKeyUtf8);
        var signature = ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaderList}, Signature={signature}";
    }

    public static string HexSha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(data));
    }

    private static string ToHex(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
