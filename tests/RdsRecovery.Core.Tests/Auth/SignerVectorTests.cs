using System.Text;
using RdsRecovery.Auth;

namespace RdsRecovery.Core.Tests.Auth;

/// <summary>The official vectors of api-facts.md §5.2: the signer must reproduce each Authorization exactly.</summary>
public class SignerVectorTests
{
    private const string VpcUrl = "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Fact]
    public void V1_signs_content_type_when_the_vector_lists_it()
    {
        var auth = SdkHmacSha256Signer.Sign("GET", new Uri(VpcUrl),
            new[] { H("Content-Type", "application/json"), H("Host", "service.region.example.com"), H("X-Sdk-Date", "20191115T033655Z") },
            new[] { "content-type", "host", "x-sdk-date" }, null,
            "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
        Assert.Equal("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
            + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe", auth);
    }

    [Fact]
    public void V1_canonical_request_hash_matches()
    {
        var canonical = SdkHmacSha256Signer.CanonicalRequest("GET", new Uri(VpcUrl),
            new[] { H("Content-Type", "application/json"), H("Host", "service.region.example.com"), H("X-Sdk-Date", "20191115T033655Z") },
            new[] { "content-type", "host", "x-sdk-date" }, null, out _);
        Assert.Equal("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", SdkHmacSha256Signer.HexSha256(Encoding.UTF8.GetBytes(canonical)));
    }

    [Fact]
    public void V2_takes_host_from_the_url_and_ignores_unsigned_underscore_header()
    {
        var headers = new[] { H("X-Sdk-Date", "20191115T033655Z"), H("TEST_UNDERSCORE", "x") };
        var canonical = SdkHmacSha256Signer.CanonicalRequest("GET", new Uri(VpcUrl), headers, new[] { "host", "x-sdk-date" }, null, out var signed);
        Assert.Equal("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
            + "host:service.region.example.com\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\n" + SdkHmacSha256Signer.EmptyBodyHash, canonical);
        Assert.Equal("host;x-sdk-date", signed);
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n0e84e7853cf87931d965c80e83bffb15aa865326db3a6f57aa2560a7601dfe18",
            SdkHmacSha256Signer.StringToSign("20191115T033655Z", canonical));
        var auth = SdkHmacSha256Signer.Sign("GET", new Uri(VpcUrl), headers, new[] { "host" }, null, "AccessKey", "SecretKey");
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", auth);
    }

    [Fact]
    public void V3_hashes_the_exact_post_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"key\":\"value\"}");
        Assert.Equal("e43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32", SdkHmacSha256Signer.HexSha256(body));
        var auth = SdkHmacSha256Signer.Sign("POST", new Uri("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123"),
            new[] { H("X-Sdk-Date", "20191115T033655Z") }, new[] { "host", "x-sdk-date" }, body, "AccessKey", "SecretKey");
        Assert.EndsWith("SignedHeaders=host;x-sdk-date, Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", auth);
    }

    [Fact]
    public void V4_empty_path_becomes_slash_and_explicit_host_header_wins()
    {
        var uri = new Uri("https://service.region.example.com");
        Assert.Equal("/", SdkHmacSha256Signer.CanonicalUri(uri));
        var auth = SdkHmacSha256Signer.Sign("GET", uri, new[] { H("Host", "example.com"), H("X-Sdk-Date", "20191115T033655Z") },
            new[] { "host", "x-sdk-date" }, null, "AccessKey", "SecretKey");
        Assert.EndsWith("Signature=919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6", auth);
    }

    [Fact]
    public void V5_signs_only_the_date()
    {
        var auth = SdkHmacSha256Signer.Sign("GET", new Uri("https://example.huaweicloud.com/path?limit=1"),
            new[] { H("x-sdk-date", "20060102T150405Z") }, Array.Empty<string>(), null, "AccessKey", "SecretKey");
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624", auth);
    }

    [Fact]
    public void V6_hashes_the_trailing_newline_of_the_go_encoder()
    {
        var auth = SdkHmacSha256Signer.Sign("POST", new Uri("https://example.huaweicloud.com/path?key=value"),
            new[] { H("x-sdk-date", "20060102T150405Z") }, new[] { "x-sdk-date" }, Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}\n"), "AccessKey", "SecretKey");
        Assert.EndsWith("SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", auth);
    }

    [Fact]
    public void Derived_recovery_example_signs_host_project_and_date()
    {
        var body = Encoding.UTF8.GetBytes("{\"source\":{\"instance_id\":\"src\",\"type\":\"backup\",\"backup_id\":\"bk\"},\"target\":{\"instance_id\":\"tgt\"}}");
        Assert.Equal("ae83174953395f98255569f64fb1b437e2bf48c692d08a8fd45cb5f0b4519d2d", SdkHmacSha256Signer.HexSha256(body));
        var auth = SdkHmacSha256Signer.Sign("POST", new Uri("https://rds.ap-southeast-1.myhuaweicloud.com/v3/0483b6b16e954cb88930a360d2c4e663/instances/recovery"),
            new[] { H("X-Sdk-Date", "20191115T033655Z"), H("X-Project-Id", "0483b6b16e954cb88930a360d2c4e663"), H("Content-Type", "application/json") },
            new[] { "host", "x-project-id" }, body, "AccessKey", "SecretKey");
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, "
            + "Signature=31055e10f16320e6897d69f51edcf532aaa4530fc0f29b1e9d867d63dd84de03", auth);
    }
}
