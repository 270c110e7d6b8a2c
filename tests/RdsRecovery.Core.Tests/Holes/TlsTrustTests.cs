using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Core.Tests.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// Issue 9 point 7: an untrusted certificate fails at once, in words, naming the endpoint and the fix; a private CA
/// is trusted for one connection only (-CertificateAuthorityFile or RDSRECOVERY_CA_FILE), never by turning
/// verification off. Real TLS servers on loopback with certificates made here.
/// </summary>
public sealed class TlsTrustTests : IDisposable
{
    private const string ListAnswer = "{\"instances\":[],\"total_count\":0}";
    private readonly string _folder = Directory.CreateTempSubdirectory("rds-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_untrusted_certificate_fails_once_naming_the_endpoint_the_cause_and_the_fix()
    {
        var (_, leaf) = Certificates("127.0.0.1");
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, ListAnswer), leaf);
        using var client = Connect(server.BaseUri, caFile: null).CreateClient();

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorIds.RdsTlsNotTrusted, ex.ErrorId);
        Assert.Equal(RdsErrorKind.TlsNotTrusted, ex.Kind);
        Assert.Contains(server.BaseUri, ex.Message);
        Assert.Contains("untrusted certificate", ex.Message);
        Assert.Contains("-CertificateAuthorityFile", ex.Message);
        Assert.Equal(1, server.Connections);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_restore_post_to_an_untrusted_endpoint_is_refused_not_an_unknown_outcome()
    {
        var (_, leaf) = Certificates("127.0.0.1");
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, "{\"job_id\":\"j\"}"), leaf);
        using var client = Connect(server.BaseUri, caFile: null).CreateClient();

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.SubmitRestoreAsync(
            "{\"source\":{\"instance_id\":\"s\",\"type\":\"backup\",\"backup_id\":\"b\"},\"target\":{\"instance_id\":\"t\"}}"));

        Assert.Equal(RdsErrorIds.RdsTlsNotTrusted, ex.ErrorId);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_private_ca_file_is_trusted_for_that_connection_only()
    {
        var (ca, leaf) = Certificates("127.0.0.1");
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, ListAnswer), leaf);

        var trusting = Connect(server.BaseUri, WritePem(ca));
        using (var client = trusting.CreateClient()) Assert.Empty(await client.ListInstancesAsync());
        Assert.NotNull(trusting.CertificateAuthorityFile);

        using var other = Connect(server.BaseUri, caFile: null).CreateClient();
        Assert.Equal(RdsErrorIds.RdsTlsNotTrusted, (await Assert.ThrowsAsync<RdsServiceException>(() => other.ListInstancesAsync())).ErrorId);
    }

    [Fact]
    public async Task The_environment_variable_names_the_ca_file_too()
    {
        var (ca, leaf) = Certificates("127.0.0.1");
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, ListAnswer), leaf);
        var env = new TestEnvironment();
        env.Variables[RdsEnvironmentVariables.CertificateAuthorityFile] = WritePem(ca);

        var connection = RdsConnection.Resolve(Options(server.BaseUri, null), env.Build());

        using var client = connection.CreateClient();
        Assert.Empty(await client.ListInstancesAsync());
    }

    [Fact]
    public async Task A_trusted_ca_does_not_excuse_a_name_mismatch()
    {
        var (ca, leaf) = Certificates("db.example.test");
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, ListAnswer), leaf);
        using var client = Connect(server.BaseUri, WritePem(ca)).CreateClient();

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorIds.RdsTlsNotTrusted, ex.ErrorId);
        Assert.Contains("name mismatch", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_plain_http_server_behind_an_https_endpoint_is_named_as_not_tls()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackHttpServer.Json(200, ListAnswer));
        using var client = Connect($"https://127.0.0.1:{server.Port}", caFile: null).CreateClient();

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorIds.RdsTlsNotTrusted, ex.ErrorId);
        Assert.Contains("speak TLS", ex.Message);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public void A_ca_file_without_a_certificate_is_refused_by_name()
    {
        var path = Path.Combine(_folder, "not-a-ca.pem");
        File.WriteAllText(path, "hello");
        var ex = Assert.Throws<RdsException>(() => Connect("https://127.0.0.1:1", path));
        Assert.Equal(RdsErrorIds.CertificateAuthorityFileInvalid, ex.ErrorId);
        Assert.Contains(path, ex.Message);
        Assert.Equal(RdsErrorIds.CertificateAuthorityFileInvalid,
            Assert.Throws<RdsException>(() => Connect("https://127.0.0.1:1", Path.Combine(_folder, "missing.pem"))).ErrorId);
    }

    private static RdsConnectionOptions Options(string endpoint, string? caFile) => new()
    {
        Endpoint = new Uri(endpoint), ProjectId = "0483b6b16e954cb88930a360d2c4e663",
        Credentials = RdsCredentials.FromAccessKey("AK", "SK"), CertificateAuthorityFile = caFile,
    };

    private static RdsConnection Connect(string endpoint, string? caFile) => RdsConnection.Resolve(Options(endpoint, caFile), new TestEnvironment().Build());

    private string WritePem(X509Certificate2 ca)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }

    /// <summary>A CA and a server certificate it issued for <paramref name="name"/> (an IP address or a DNS name).</summary>
    private static (X509Certificate2 Ca, X509Certificate2 Leaf) Certificates(string name)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=RdsRecovery test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=" + name, leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip); else san.AddDnsName(name);
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var issued = leafRequest.Create(ca, now.AddDays(-1), now.AddDays(20), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(leafKey);
        // A round trip through PKCS#12 gives the server certificate a key SslStream can use on every platform.
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
        return (X509CertificateLoader.LoadCertificate(ca.RawData), leaf);
    }
}
