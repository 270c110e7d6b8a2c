using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Authentication as the API gateway does it: signatures, clock skew, access keys, IAM tokens, project ids.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task SignedRequestIsAccepted()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var response = await emulator.GetAsync("instances?limit=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedRequestGets401WithRequestIdInBodyAndHeader()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var response = await emulator.Http.GetAsync($"/v3/{emulator.ProjectId}/instances");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("APIGW.0301", json["error_code"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), json["request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongSecretGets401WithCanonicalRequestInMessage()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, message, _) = await RunningEmulator.ErrorOf(
            emulator.SendAsync(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances?offset=0&limit=5", secretKey: "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("APIGW.0301", code);
        Assert.Contains("verify aksk signature fail", message);
        Assert.Contains($"canonicalRequest:GET|/v3/{emulator.ProjectId}/instances/|limit=5&offset=0|host:{emulator.Host.BaseUri.Authority}|", message);
        Assert.DoesNotContain(emulator.Host.Options.SecretKey, message);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIsRejected()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, message, _) = await RunningEmulator.ErrorOf(emulator.SendAsync(HttpMethod.Post,
            $"/v3/{emulator.ProjectId}/instances/recovery", "{\"a\":1}",
            tweak: (request, _) => request.Content = new StringContent("{\"a\":2}", Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("APIGW.0301", code);
        Assert.Contains("canonicalRequest:POST|", message);
    }

    [Fact]
    public async Task UnknownAccessKeyGets401()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, message, _) = await RunningEmulator.ErrorOf(
            emulator.SendAsync(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances", accessKey: "SOMEOTHERACCESSKEY00"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("APIGW.0301", code);
        Assert.Contains("SOMEOTHERACCESSKEY00", message);
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(-16, false)]
    [InlineData(14, true)]
    [InlineData(-14, true)]
    public async Task SdkDateMustBeWithinFifteenMinutes(int minutesOff, bool accepted)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var response = await emulator.SendAsync(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances",
            signedAt: DateTime.UtcNow.AddMinutes(minutesOff));
        var text = await response.Content.ReadAsStringAsync();
        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("more than 15 minutes", text);
    }

    [Fact]
    public async Task SdkDateMustBeSigned()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances");
        var date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", TestSigner.Authorization(emulator.Host.Options.AccessKey,
            emulator.Host.Options.SecretKey, "GET", $"/v3/{emulator.ProjectId}/instances", "",
            new Dictionary<string, string> { ["host"] = emulator.Host.BaseUri.Authority, ["x-sdk-date"] = date }, Array.Empty<byte>())
            .Replace("SignedHeaders=host;x-sdk-date", "SignedHeaders=host"));
        var (status, _, message, _) = await RunningEmulator.ErrorOf(emulator.Http.SendAsync(request));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("x-sdk-date must be a signed header", message);
    }

    [Fact]
    public async Task EncodedQueryAndExtraSignedHeadersVerify()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var response = await emulator.SendAsync(HttpMethod.Get,
            $"/v3/{emulator.ProjectId}/instances?name=%2Amysql80&limit=100&offset=0",
            tweak: (request, signed) => signed["x-language"] = "en-us");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5, json["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task PathProjectMustMatchTheCredentials()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, _, _) = await RunningEmulator.ErrorOf(
            emulator.SendAsync(HttpMethod.Get, "/v3/ffffffffffffffffffffffffffffffff/instances"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("DBS.200010", code);
    }

    [Fact]
    public async Task ProjectHeaderMustMatch()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, message, _) = await RunningEmulator.ErrorOf(emulator.SendAsync(HttpMethod.Get,
            $"/v3/{emulator.ProjectId}/instances", tweak: (_, signed) => signed["x-project-id"] = "ffffffffffffffffffffffffffffffff"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("APIGW.0301", code);
        Assert.Contains("X-Project-Id", message);
    }

    [Fact]
    public async Task IssuedTokenIsAcceptedAndForgedTokenIsNot()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var token = await IssueTokenAsync(emulator, emulator.Host.Options.SecretKey, HttpStatusCode.Created);

        using var good = new HttpRequestMessage(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances?limit=2");
        good.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        using var goodResponse = await emulator.Http.SendAsync(good);
        Assert.Equal(HttpStatusCode.OK, goodResponse.StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances");
        forged.Headers.TryAddWithoutValidation("X-Auth-Token", token + "x");
        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.Http.SendAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("APIGW.0301", code);
    }

    [Fact]
    public async Task ExpiredTokenIsRejected()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        const string token = "MIIemulator-expired-token";
        emulator.Host.Services.Store.AddToken(RdsRecovery.Emulator.Api.TokensApi.Hash(token), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/{emulator.ProjectId}/instances");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        var (status, code, message, _) = await RunningEmulator.ErrorOf(emulator.Http.SendAsync(request));
        Assert.Equal((HttpStatusCode.Unauthorized, "APIGW.0301"), (status, code));
        Assert.Contains("expired", message);
    }

    [Fact]
    public async Task UnsignedPayloadHeaderReplacesTheBodyHash()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var path = $"/v3/{emulator.ProjectId}/instances/recovery";
        var date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var signed = new Dictionary<string, string>
        {
            ["host"] = emulator.Host.BaseUri.Authority, ["x-sdk-date"] = date, ["x-sdk-content-sha256"] = "UNSIGNED-PAYLOAD",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        request.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        request.Headers.TryAddWithoutValidation("Authorization", TestSigner.Authorization(emulator.Host.Options.AccessKey,
            emulator.Host.Options.SecretKey, "POST", path, "", signed, Array.Empty<byte>(), payloadHash: "UNSIGNED-PAYLOAD"));
        // Past the gateway, the body itself is refused by the service: proof the signature held.
        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.Http.SendAsync(request));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }

    [Fact]
    public async Task TokenRequestWithWrongPasswordGets401()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        await IssueTokenAsync(emulator, "wrong-password", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenBodyNamesProjectAndExpiry()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var response = await emulator.Http.PostAsync("/v3/auth/tokens", TokenBody(emulator, emulator.Host.Options.SecretKey));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
        Assert.Equal(emulator.ProjectId, json["project"]!["id"]!.GetValue<string>());
        var expires = DateTimeOffset.Parse(json["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
    }

    internal static StringContent TokenBody(RunningEmulator emulator, string password) => new(
        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + emulator.Host.Options.UserName +
        "\",\"password\":\"" + password + "\",\"domain\":{\"name\":\"rds-emulator-domain\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}",
        Encoding.UTF8, "application/json");

    internal static async Task<string> IssueTokenAsync(RunningEmulator emulator, string password, HttpStatusCode expected)
    {
        using var response = await emulator.Http.PostAsync("/v3/auth/tokens", TokenBody(emulator, password));
        Assert.Equal(expected, response.StatusCode);
        return response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.Single() : "";
    }
}
