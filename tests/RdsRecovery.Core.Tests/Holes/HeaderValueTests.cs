using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Core.Tests.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>Issue 9 point 4: credential parts that travel in headers are printable ASCII, wherever they come from.</summary>
public class HeaderValueTests
{
    public static TheoryData<string, string> BadValues() => new()
    {
        { "CR LF", "ABCD\r\nX-Injected: 1" }, { "LF", "ABCD\nEF" }, { "NUL", "AB\0CD" }, { "bell", "AB\aCD" },
        { "DEL", "AB\u007fCD" }, { "non-ASCII", "ABCDé" }, { "inner space", "AB CD" }, { "zero-width", "AB\u200bCD" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void From_parameters_access_key_security_token_and_iam_token_are_refused(string _, string bad)
    {
        AssertRefused(() => RdsCredentials.FromAccessKey(bad, "secret"), bad);
        AssertRefused(() => RdsCredentials.FromAccessKey("ACCESSKEY", "secret", bad), bad);
        AssertRefused(() => RdsCredentials.FromToken(bad), bad);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void From_environment_variables_they_are_refused_naming_the_variable(string _, string bad)
    {
        foreach (var name in new[] { "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SECURITY_TOKEN" })
        {
            var env = new TestEnvironment();
            env.Variables["HUAWEICLOUD_SDK_AK"] = "ACCESSKEY";
            env.Variables["HUAWEICLOUD_SDK_SK"] = "secret";
            env.Variables["HUAWEICLOUD_SDK_PROJECT_ID"] = "project";
            env.Variables[name] = bad;
            var ex = AssertRefused(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4" }, env.Build()), bad);
            Assert.Contains("environment variables", ex.Message);
        }
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void From_the_credentials_file_they_are_refused_naming_the_file(string _, string bad)
    {
        foreach (var key in new[] { "ak", "security_token" })
        {
            var env = new TestEnvironment();
            var ak = key == "ak" ? bad : "ACCESSKEY";
            var token = key == "security_token" ? bad : "token";
            // A CR or LF cannot stay inside one line of the file: they are covered by the other sources.
            if (bad.Contains('\n') || bad.Contains('\r')) continue;
            env.Files[env.DefaultCredentialsPath] = $"[basic]\nak = {ak}\nsk = secret\nproject_id = project\nsecurity_token = {token}\n";
            var ex = AssertRefused(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4" }, env.Build()), bad);
            Assert.Contains(env.DefaultCredentialsPath, ex.Message);
        }
    }

    [Fact]
    public void Printable_ascii_credentials_with_surrounding_blanks_are_accepted()
    {
        Assert.Equal("ACCE********", RdsCredentials.FromAccessKey("  ACCESSKEY\t", "any secret ü", " tok/+=en ").AccessKeyPrefix);
        Assert.Equal(RdsAuthenticationType.Token, RdsCredentials.FromToken("MIIE+/=-_.~!token\r\n").AuthenticationType);
    }

    private static RdsException AssertRefused(Func<object> make, string bad)
    {
        var ex = Assert.Throws<RdsException>(make);
        Assert.Equal(RdsErrorIds.InvalidCredentialCharacters, ex.ErrorId);
        Assert.DoesNotContain(bad.Trim(), ex.Message);
        return ex;
    }
}
