using System.Security.Cryptography;
using RdsRecovery.Emulator.Auth;

namespace RdsRecovery.Emulator.Api;

/// <summary>
/// <c>POST /v3/auth/tokens</c>, IAM password authentication: the configured user with the secret key as
/// password gets a 24-hour token in <c>X-Subject-Token</c> (201).
/// </summary>
internal sealed class TokensApi(EmulatorServices services)
{
    public const long TokenLifetimeMs = 24 * 3600_000L;

    public static string Hash(string token) => SdkHmacSha256.HexSha256(Encoding.UTF8.GetBytes(token));

    public Task Issue(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        if (body.IsEmpty) throw new ApiException(400, "IAM.0006", "The request body is empty.");
        string? user, password, projectId, projectName;
        try
        {
            using var document = JsonDocument.Parse(body);
            var auth = document.RootElement.GetProperty("auth");
            var identity = auth.GetProperty("identity");
            var methods = identity.GetProperty("methods");
            if (methods.GetArrayLength() != 1 || methods[0].GetString() != "password")
                throw new ApiException(400, "IAM.0006", "Only the password method is supported by the emulator.");
            var userElement = identity.GetProperty("password").GetProperty("user");
            user = userElement.GetProperty("name").GetString();
            password = userElement.GetProperty("password").GetString();
            projectId = projectName = null;
            if (auth.TryGetProperty("scope", out var scope) && scope.TryGetProperty("project", out var project))
            {
                projectId = project.TryGetProperty("id", out var pid) ? pid.GetString() : null;
                projectName = project.TryGetProperty("name", out var pname) ? pname.GetString() : null;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ApiException(400, "IAM.0006", "The request body is not a valid password authentication body.");
        }
        var options = services.Options;
        var passwordOk = password is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(options.SecretKey));
        if (user != options.UserName || !passwordOk)
            throw new ApiException(401, "IAM.0002", "The username or password is incorrect.");
        if (projectId is not null && projectId != options.ProjectId)
            throw new ApiException(401, "IAM.0007", $"The project {projectId} does not exist for this user.");

        var token = "MIIemulator" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = WireTime.NowMs();
        var expires = now + TokenLifetimeMs;
        services.Store.AddToken(Hash(token), expires);
        context.Response.Headers["X-Subject-Token"] = token;
        var domain = new JsonObject { ["id"] = "a5f0c9d1e2b34c6d8e7f9a0b1c2d3e4f", ["name"] = "rds-emulator-domain" };
        return JsonResponse.WriteAsync(context, 201, new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["expires_at"] = IsoMs(expires),
                ["issued_at"] = IsoMs(now),
                ["methods"] = new JsonArray("password"),
                ["project"] = new JsonObject { ["id"] = options.ProjectId, ["name"] = projectName ?? options.Region, ["domain"] = domain.DeepClone() },
                ["user"] = new JsonObject { ["id"] = "f0e1d2c3b4a5968778695a4b3c2d1e0f", ["name"] = options.UserName, ["domain"] = domain },
                ["catalog"] = new JsonArray(),
                ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "rds_adm" }),
            },
        });
    }

    private static string IsoMs(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'000Z'", System.Globalization.CultureInfo.InvariantCulture);
}
