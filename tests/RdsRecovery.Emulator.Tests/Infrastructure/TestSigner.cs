using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RdsRecovery.Emulator.Tests.Infrastructure;

/// <summary>
/// A deliberately separate, minimal SDK-HMAC-SHA256 signer for the tests (not the emulator's verifier,
/// not Core), so a shared mistake cannot make both sides agree.
/// </summary>
// Third deliberate signer twin (RdsRecovery.Core/Auth/SdkHmacSha256Signer.cs, Emulator/Auth/SdkHmacSha256.cs); in step by SignatureVectorTests.cs.
internal static class TestSigner
{
    public static string Authorization(string accessKey, string secretKey, string method, string path, string query,
        IDictionary<string, string> signedHeaders, byte[] body, string? payloadHash = null)
    {
        var names = signedHeaders.Keys.Select(k => k.ToLowerInvariant()).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var lookup = signedHeaders.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value.Trim());
        var canonicalPath = string.Join("/", path.Split('/').Select(s => Escape(Uri.UnescapeDataString(s))));
        if (!canonicalPath.EndsWith('/')) canonicalPath += "/";
        var canonicalQuery = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (K: Escape(Uri.UnescapeDataString(p[0])), V: Escape(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal)
            .Select(p => p.K + "=" + p.V));
        var lines = new List<string> { method, canonicalPath, canonicalQuery };
        lines.AddRange(names.Select(n => n + ":" + lookup[n]));
        lines.Add("");
        lines.Add(string.Join(";", names));
        lines.Add(payloadHash ?? Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant());
        var canonical = string.Join("\n", lines);
        var toSign = "SDK-HMAC-SHA256\n" + lookup["x-sdk-date"] + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var signature = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign))).ToLowerInvariant();
        return $"SDK-HMAC-SHA256 Access={accessKey}, SignedHeaders={string.Join(";", names)}, Signature={signature}";
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || "-_.~".Contains((char)b)) sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
