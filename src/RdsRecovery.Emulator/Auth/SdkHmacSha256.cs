using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace RdsRecovery.Emulator.Auth;

/// <summary>
/// The SDK-HMAC-SHA256 algorithm as the API gateway applies it: canonical request, string to sign,
/// signature. Written from the published algorithm; checked against the official test vectors.
/// </summary>
// Deliberate twin of RdsRecovery.Core/Auth/SdkHmacSha256Signer.cs, never shared; in step by SignatureVectorTests.cs, SignerVectorTests.cs (official vectors).
public static class SdkHmacSha256
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// Builds the canonical request. <paramref name="rawPath"/> and <paramref name="rawQuery"/> are as
    /// received (percent-encoded, query without '?'); <paramref name="headers"/> maps the lower-case
    /// signed header names to their values.
    /// </summary>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers, string bodyHashHex)
    {
        var sorted = headers.OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var header in sorted) builder.Append(header.Key).Append(':').Append(header.Value.Trim()).Append('\n');
        builder.Append('\n');
        builder.Append(string.Join(";", sorted.Select(h => h.Key))).Append('\n');
        builder.Append(bodyHashHex);
        return builder.ToString();
    }

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    public static string Signature(string secretKey, string stringToSign)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToHexStringLower(mac);
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Each segment unescaped then encoded; a trailing '/' is always present.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = rawPath.Split('/');
        var encoded = string.Join("/", segments.Select(s => Encode(Uri.UnescapeDataString(s))));
        if (encoded.Length == 0 || encoded[0] != '/') encoded = "/" + encoded;
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    /// <summary>Pairs sorted by key then value (ordinal), each side encoded; space becomes %20.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery)) return "";
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part.Substring(0, eq);
            var value = eq < 0 ? "" : part.Substring(eq + 1);
            pairs.Add((Encode(Uri.UnescapeDataString(key)), Encode(Uri.UnescapeDataString(value))));
        }
        return string.Join("&", pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Keeps A-Z a-z 0-9 - _ . ~; every other UTF-8 byte becomes %XX in upper case.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
