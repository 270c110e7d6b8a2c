using System.Security.Cryptography;
using System.Text;

namespace RdsRecovery.Emulator.Bench;

/// <summary>Just enough SDK-HMAC-SHA256 to sign GET requests without a query needing escapes beyond ids.</summary>
internal static class BenchSigner
{
    public static string Sign(string ak, string sk, string method, string path, string query, string host, string projectId, string date, byte[] body)
    {
        var canonical = string.Join("\n", method, path.EndsWith('/') ? path : path + "/", query,
            "host:" + host, "x-project-id:" + projectId, "x-sdk-date:" + date, "", "host;x-project-id;x-sdk-date",
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var toSign = "SDK-HMAC-SHA256\n" + date + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sk), Encoding.UTF8.GetBytes(toSign)));
        return $"SDK-HMAC-SHA256 Access={ak}, SignedHeaders=host;x-project-id;x-sdk-date, Signature={signature}";
    }
}
