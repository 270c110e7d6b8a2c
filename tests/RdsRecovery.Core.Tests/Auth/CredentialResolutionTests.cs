using System.Security;
using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Auth;

public class CredentialResolutionTests
{
    private static TestEnvironment FullEnvironment()
    {
        var env = new TestEnvironment();
        env.Variables["HUAWEICLOUD_SDK_AK"] = "ENVACCESSKEY";
        env.Variables["HUAWEICLOUD_SDK_SK"] = "env-secret";
        env.Variables["HUAWEICLOUD_SDK_PROJECT_ID"] = "envproject";
        env.Variables["HUAWEICLOUD_SDK_REGION"] = "cn-north-4";
        env.Files[env.DefaultCredentialsPath] = "[basic]\nak = FILEACCESSKEY\nsk = file-secret\nproject_id = fileproject\n";
        return env;
    }

    [Fact]
    public void Explicit_values_win_over_environment_and_file()
    {
        var env = FullEnvironment();
        var c = RdsConnection.Resolve(new RdsConnectionOptions
        {
            Region = "ap-southeast-1", ProjectId = "explicitproject", Credentials = RdsCredentials.FromAccessKey("EXPLICITKEY", "explicit-secret"),
        }, env.Build());
        Assert.Equal("ap-southeast-1", c.Region);
        Assert.Equal("explicitproject", c.ProjectId);
        Assert.Equal("EXPL********", c.AccessKey);
        Assert.Equal("Parameter", c.CredentialSource);
        Assert.Equal(new Uri("https://rds.ap-southeast-1.myhuaweicloud.com"), c.Endpoint);
        Assert.Empty(env.FilesRead);
    }

    [Fact]
    public void Environment_comes_before_the_file()
    {
        var env = FullEnvironment();
        env.Variables["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "env-token";
        var c = RdsConnection.Resolve(new RdsConnectionOptions(), env.Build());
        Assert.Equal("cn-north-4", c.Region);
        Assert.Equal("envproject", c.ProjectId);
        Assert.Equal("ENVA********", c.AccessKey);
        Assert.Equal("Environment", c.CredentialSource);
        Assert.True(c.Credentials.HasSecurityToken);
    }

    [Fact]
    public void The_credentials_file_is_the_last_resort_for_keys_and_project()
    {
        var env = FullEnvironment();
        env.Variables.Remove("HUAWEICLOUD_SDK_AK");
        env.Variables.Remove("HUAWEICLOUD_SDK_SK");
        env.Variables.Remove("HUAWEICLOUD_SDK_PROJECT_ID");
        env.Files[env.DefaultCredentialsPath] = "# comment\n[other]\nak=NOPE\n[basic]\nak=FILEACCESSKEY\nsk=file-secret\nproject_id=fileproject\nsecurity_token=file-token\n";
        var c = RdsConnection.Resolve(new RdsConnectionOptions(), env.Build());
        Assert.Equal("FILE********", c.AccessKey);
        Assert.Equal("fileproject", c.ProjectId);
        Assert.Equal(env.DefaultCredentialsPath, c.CredentialSource);
        Assert.True(c.Credentials.HasSecurityToken);
    }

    [Fact]
    public void Credentials_file_variable_points_elsewhere()
    {
        var env = new TestEnvironment();
        env.Variables["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = "/etc/rds/creds";
        env.Files["/etc/rds/creds"] = "[basic]\nak=OTHERKEY\nsk=s\nproject_id=p\n";
        var c = RdsConnection.Resolve(new RdsConnectionOptions { Region = "eu-west-0" }, env.Build());
        Assert.Equal("/etc/rds/creds", c.CredentialSource);
        Assert.Equal("p", c.ProjectId);
    }

    [Fact]
    public void Explicit_credentials_still_take_the_project_from_the_environment()
    {
        var env = FullEnvironment();
        var c = RdsConnection.Resolve(new RdsConnectionOptions { Credentials = RdsCredentials.FromToken("tok-123456") }, env.Build());
        Assert.Equal("envproject", c.ProjectId);
        Assert.Equal(RdsAuthenticationType.Token, c.AuthenticationType);
        Assert.Null(c.AccessKey);
    }

    [Fact]
    public void Nothing_found_is_a_clear_error()
    {
        var env = new TestEnvironment();
        var ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4", ProjectId = "p" }, env.Build()));
        Assert.Equal(RdsErrorIds.CredentialsNotFound, ex.ErrorId);
        // Nothing was authenticated: a missing value, like a missing mandatory parameter (AuthenticationError is the service's refusal).
        Assert.Equal(RdsErrorCategory.InvalidArgument, ex.Error.Category);
        Assert.Contains("HUAWEICLOUD_SDK_AK", ex.Message);
        Assert.Contains(env.DefaultCredentialsPath, ex.Message);
    }

    [Fact]
    public void Half_a_key_pair_is_an_error()
    {
        var env = new TestEnvironment();
        env.Variables["HUAWEICLOUD_SDK_AK"] = "ONLYAK";
        var ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4", ProjectId = "p" }, env.Build()));
        Assert.Equal(RdsErrorIds.CredentialsIncomplete, ex.ErrorId);

        var env2 = new TestEnvironment();
        env2.Files[env2.DefaultCredentialsPath] = "[basic]\nak=ONLYAK\n";
        ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4", ProjectId = "p" }, env2.Build()));
        Assert.Equal(RdsErrorIds.CredentialsIncomplete, ex.ErrorId);
    }

    [Fact]
    public void Missing_project_is_an_error()
    {
        var env = FullEnvironment();
        env.Variables.Remove("HUAWEICLOUD_SDK_PROJECT_ID");
        env.Files.Clear();
        var ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions(), env.Build()));
        Assert.Equal(RdsErrorIds.ProjectIdNotFound, ex.ErrorId);
    }

    [Fact]
    public void Missing_region_and_endpoint_is_an_error_but_an_endpoint_alone_will_do()
    {
        var env = FullEnvironment();
        env.Variables.Remove("HUAWEICLOUD_SDK_REGION");
        var ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions(), env.Build()));
        Assert.Equal(RdsErrorIds.RegionOrEndpointRequired, ex.ErrorId);
        var c = RdsConnection.Resolve(new RdsConnectionOptions { Endpoint = new Uri("http://localhost:5080") }, env.Build());
        Assert.Equal("", c.Region);
        Assert.Equal("http://localhost:5080/", c.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void Project_id_must_be_path_safe()
    {
        var ex = Assert.Throws<RdsException>(() =>
            new RdsConnection("cn-north-4", "../admin", new Uri("https://rds.cn-north-4.myhuaweicloud.com"), RdsCredentials.FromToken("tok-123456")));
        Assert.Equal(RdsErrorIds.InvalidProjectId, ex.ErrorId);
    }

    [Fact]
    public void Secure_strings_are_accepted()
    {
        using var sk = new SecureString();
        foreach (var ch in "SecretKey") sk.AppendChar(ch);
        var creds = RdsCredentials.FromAccessKey("AccessKey", sk);
        Assert.Equal(RdsAuthenticationType.AkSk, creds.AuthenticationType);
        Assert.Equal("Access key Acce********", creds.ToString());
        using var tok = new SecureString();
        foreach (var ch in "iam-token") tok.AppendChar(ch);
        Assert.Equal("IAM token", RdsCredentials.FromToken(tok).ToString());
    }

    [Fact]
    public void Empty_secrets_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RdsCredentials.FromAccessKey("ak", ""));
        Assert.Throws<ArgumentException>(() => RdsCredentials.FromAccessKey(" ", "sk"));
        Assert.Throws<ArgumentException>(() => RdsCredentials.FromToken(""));
    }

    [Fact]
    public void A_credentials_file_that_cannot_be_read_is_CredentialsFileInvalid_naming_the_file()
    {
        var env = new TestEnvironment();
        var unreadable = new RdsEnvironment(_ => null, _ => throw new UnauthorizedAccessException("denied"), env.Home);

        var ex = Assert.Throws<RdsException>(() => RdsConnection.Resolve(new RdsConnectionOptions { Region = "cn-north-4" }, unreadable));

        Assert.Equal(RdsErrorIds.CredentialsFileInvalid, ex.ErrorId);
        Assert.Equal(RdsErrorCategory.ReadError, ex.Error.Category);
        Assert.Contains(env.DefaultCredentialsPath, ex.Message);
        Assert.IsType<UnauthorizedAccessException>(ex.InnerException);
    }
}
