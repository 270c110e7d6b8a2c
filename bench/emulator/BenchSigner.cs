using RdsRecovery.Emulator.Auth;

namespace RdsRecovery.Emulator.Bench;

/// <summary>
/// Signs the bench's requests with the emulator's own algorithm (Auth/SdkHmacSha256.cs is linked into this project,
/// not copied): a throughput bench needs requests the emulator accepts, not a fourth signer to keep in step.
/// </summary>
internal static class BenchSigner
{
    public static string Sign(string ak, string sk, string method, string path, string query, string host, string projectId, string date, byte[] body)
    {
        var headers = new[]
        {
            new KeyValuePair<string, string>("host", host),
            new KeyValuePair<string, string>("x-project-id", projectId),
            new KeyValuePair<string, string>("x-sdk-date", date),
        };
        var canonical = SdkHmacSha256.CanonicalRequest(method, path, query, headers, SdkHmacSha256.HexSha256(body));
        var signature = SdkHmacSha256.Signature(sk, SdkHmacSha256.StringToSign(date, canonical));
        return $"{SdkHmacSha256.Algorithm} Access={ak}, SignedHeaders=host;x-project-id;x-sdk-date, Signature={signature}";
    }
}
