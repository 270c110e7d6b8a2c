using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using RdsRecovery.Api;
using RdsRecovery.Auth;

namespace RdsRecovery.Core.Tests.Api;

/// <summary>A recognisable secret key, security token and IAM token must appear in no log line, message or ToString, in any common encoding.</summary>
public class SecretLeakTests
{
    private const string SecretKey = "SK-Zebra-Quokka-7f3e9a1c5b";
    private const string SecurityToken = "ST-Walrus-Narwhal-4d2c8e6f0a";
    private const string IamToken = "IAM-Pelican-Lynx-9b1d3f5e7c";
    private static readonly string[] Secrets = { SecretKey, SecurityToken, IamToken };

    private static IEnumerable<string> Forms(string secret)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        var utf16 = Encoding.Unicode.GetBytes(secret);
        yield return secret;
        yield return Convert.ToHexString(utf8);
        yield return Convert.ToHexString(utf8).ToLowerInvariant();
        yield return Convert.ToBase64String(utf8);
        yield return Convert.ToBase64String(utf16);
        yield return Convert.ToHexString(utf16);
        yield return Convert.ToHexString(utf16).ToLowerInvariant();
        yield return Encoding.Latin1.GetString(utf16);
    }

    private static void AssertClean(string where, string? text)
    {
        if (text is null) return;
        foreach (var secret in Secrets)
            foreach (var form in Forms(secret))
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"{where} contains a form of a secret: {text}");
    }

    // Answers echo the connection's own secrets back, as a gateway error echoing the canonical request
    // (with x-security-token) can. (A client can only redact secrets it holds.)
    private static HttpResponseMessage Respond(SeenRequest r, string[] own)
    {
        var echo = string.Join("|", own);
        if (r.Uri.AbsolutePath.EndsWith("/instances", StringComparison.Ordinal)) return FakeRdsHandler.Json("{\"instances\":[],\"total_count\":0}");
        if (r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal))
            return FakeRdsHandler.Json($"{{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail, canonicalRequest: x-security-token:{echo}\"}}",
                HttpStatusCode.Unauthorized);
        if (r.Uri.AbsolutePath.EndsWith("/backups", StringComparison.Ordinal)) throw new HttpRequestException($"proxy said no to {echo}");
        return FakeRdsHandler.Text("<html>" + echo + "</html>", "text/html", HttpStatusCode.BadGateway);
    }

    private static async Task<List<string>> Exercise(RdsConnection connection, params string[] own)
    {
        var texts = new List<string> { connection.ToString(), connection.Credentials.ToString(), JsonSerializer.Serialize(connection) };
        var log = new ListLog();
        var handler = new FakeRdsHandler(r => Respond(r, own));
        using var client = TestConnections.Create(handler, new FakeClock(TestConnections.SigningTime), connection, log: log);
        await client.ListInstancesAsync();
        var e1 = await Assert.ThrowsAsync<RdsServiceException>(() => client.GetJobAsync("j1"));
        texts.Add(e1.ToString());
        texts.Add(e1.ErrorMessage!);
        var e2 = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListBackupsAsync(new RdsBackupFilter("i1")));
        texts.Add(e2.ToString());
        var e3 = await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitRestoreAsync("{\"target\":{\"instance_id\":\"t\"}}"));
        texts.Add(e3.ToString());
        texts.AddRange(log.Lines);
        Assert.Contains(log.Lines, l => l.StartsWith("D ", StringComparison.Ordinal) && l.Contains("Authorization: ***") || l.Contains("X-Auth-Token: ***"));
        return texts;
    }

    [Fact]
    public async Task Temporary_aksk_secrets_leak_nowhere()
    {
        var connection = new RdsConnection("cn-north-4", "p1", new Uri("https://rds.cn-north-4.myhuaweicloud.com"),
            RdsCredentials.FromAccessKey("AKIDLEAKTEST", SecretKey, SecurityToken));
        var texts = await Exercise(connection, SecretKey, SecurityToken);
        Assert.Contains(texts, t => t.Contains("GET /v3/p1/instances?offset=0&limit=100 -> 200"));
        foreach (var t in texts) AssertClean("output", t);
    }

    [Fact]
    public async Task Iam_token_leaks_nowhere()
    {
        var connection = new RdsConnection("cn-north-4", "p1", new Uri("https://rds.cn-north-4.myhuaweicloud.com"), RdsCredentials.FromToken(IamToken));
        foreach (var t in await Exercise(connection, IamToken)) AssertClean("output", t);
    }

    [Fact]
    public void Connection_has_no_public_member_holding_a_secret()
    {
        var connection = new RdsConnection("cn-north-4", "p1", new Uri("https://rds.cn-north-4.myhuaweicloud.com"),
            RdsCredentials.FromAccessKey("AKIDLEAKTEST", SecretKey, SecurityToken));
        foreach (var p in typeof(RdsConnection).GetProperties())
            AssertClean(p.Name, Convert.ToString(p.GetValue(connection), System.Globalization.CultureInfo.InvariantCulture));
        foreach (var p in typeof(RdsCredentials).GetProperties())
            AssertClean(p.Name, Convert.ToString(p.GetValue(connection.Credentials), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(typeof(RdsConnection).GetProperties(), p => p.PropertyType == typeof(System.Security.SecureString) || p.PropertyType == typeof(RdsCredentials));
    }

    [Fact]
    public void The_leak_check_itself_catches_each_form()
    {
        foreach (var form in Forms(SecretKey))
            Assert.Throws<Xunit.Sdk.FalseException>(() => AssertClean("probe", "x" + form + "x"));
    }
}
