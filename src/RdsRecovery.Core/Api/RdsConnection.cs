using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>
/// Where and as whom to call RDS: region, project, endpoint and credentials. A value object: cmdlets take it
/// with -Connection so parallel runbooks share nothing. Its public properties hold no secret, so ToString,
/// ConvertTo-Json and Export-Clixml reveal none.
/// </summary>
/// <remarks>The constructor checks its values in the order of the properties below: project id, endpoint, credentials.</remarks>
public sealed class RdsConnection(string? region, string projectId, Uri endpoint, RdsCredentials credentials, string credentialSource = "Parameter",
    RdsRestoreApiVersion apiVersion = RdsRestoreApiVersion.V3)
{
    private static readonly Regex ProjectIdPattern = new("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>The region name; empty when only an endpoint was given.</summary>
    public string Region { get; } = region ?? "";
    public string ProjectId { get; } = string.IsNullOrWhiteSpace(projectId) || !ProjectIdPattern.IsMatch(projectId.Trim())
        ? throw new RdsException(new RdsError(RdsErrorIds.InvalidProjectId, "The project id must be 1-64 letters, digits, '-' or '_'."))
        : projectId.Trim();
    /// <summary>The base URI requests go to, without a trailing slash.</summary>
    public Uri Endpoint { get; } = RdsEndpoints.Validate(endpoint ?? throw new ArgumentNullException(nameof(endpoint)));
    public RdsAuthenticationType AuthenticationType => Credentials.AuthenticationType;
    /// <summary>The access key shortened to a prefix (it identifies the key; the secret is never shown).</summary>
    public string? AccessKey => Credentials.AccessKeyPrefix;
    /// <summary>Where the credentials came from: Parameter, Environment or the credentials file path.</summary>
    public string CredentialSource { get; } = credentialSource;

    /// <summary>The restore API version as users write it: v3 (the seed's, default) or v3.1.</summary>
    public string ApiVersion => RdsApiVersions.Name(RestoreApiVersion);
    /// <summary>The restore API version: which path the restore POST uses and which body it sends.</summary>
    public RdsRestoreApiVersion RestoreApiVersion { get; } = apiVersion;
    /// <summary>The rule profile online checks follow: Seed with v3, V31 with v3.1.</summary>
    public Rules.RdsRuleProfile RuleProfile => Rules.RestoreRuleProfiles.ForApiVersion(RestoreApiVersion).Name;

    internal RdsCredentials Credentials { get; } = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>The PEM file whose CAs this connection trusts instead of the system store; null for the system store.</summary>
    public string? CertificateAuthorityFile { get; private set; }

    internal IReadOnlyList<X509Certificate2> CertificateAuthorities { get; private set; } = Array.Empty<X509Certificate2>();

    /// <summary>Creates a client over this connection; dispose it when done.</summary>
    public RdsClient CreateClient(RdsClientOptions? options = null) => new(this, options);

    /// <summary>
    /// Resolves a connection in this order, each item on its own: explicit values; then the variables
    /// HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_REGION; then the SDK
    /// credentials file (HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials, section [basic]:
    /// ak, sk, security_token, project_id). The endpoint is the explicit one, else HUAWEICLOUD_SDK_REGION_RDS_{REGION},
    /// else the region's built-in host. The API version is the explicit one, else RDSRECOVERY_API_VERSION, else v3.
    /// </summary>
    public static RdsConnection Resolve(RdsConnectionOptions options, RdsEnvironment? environment = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var env = environment ?? RdsEnvironment.System;
        CredentialsFile? file = null;
        var fileLoaded = false;
        CredentialsFile? File()
        {
            if (!fileLoaded)
            {
                fileLoaded = true;
                file = CredentialsFile.Load(env);
            }
            return file;
        }

        var region = Blank(options.Region) ?? env.Variable(RdsEnvironmentVariables.Region);
        var endpoint = RdsEndpoints.Resolve(region, options.Endpoint, env);

        RdsCredentials credentials;
        string source;
        if (options.Credentials is not null)
        {
            credentials = options.Credentials;
            source = "Parameter";
        }
        else
        {
            var ak = env.Variable(RdsEnvironmentVariables.AccessKey);
            var sk = env.Variable(RdsEnvironmentVariables.SecretKey);
            if (ak is not null || sk is not null)
            {
                if (ak is null || sk is null)
                    throw new RdsException(new RdsError(RdsErrorIds.CredentialsIncomplete,
                        $"Only one of {RdsEnvironmentVariables.AccessKey} and {RdsEnvironmentVariables.SecretKey} is set; set both."));
                credentials = FromSource(() => RdsCredentials.FromAccessKey(ak, sk, env.Variable(RdsEnvironmentVariables.SecurityToken)),
                    $"the environment variables {RdsEnvironmentVariables.AccessKey} / {RdsEnvironmentVariables.SecurityToken}");
                source = "Environment";
            }
            else
            {
                var f = File();
                var fak = f?["ak"];
                var fsk = f?["sk"];
                if (f is null || (fak is null && fsk is null))
                    throw new RdsException(new RdsError(RdsErrorIds.CredentialsNotFound,
                        "No credentials found: pass an access key and secret key or a token, or set "
                        + $"{RdsEnvironmentVariables.AccessKey} and {RdsEnvironmentVariables.SecretKey}, or write them to the SDK credentials file "
                        + $"({CredentialsFile.Locate(env) ?? "~/.huaweicloud/credentials"}, section [basic], keys ak and sk)."));
                if (fak is null || fsk is null)
                    throw new RdsException(new RdsError(RdsErrorIds.CredentialsIncomplete,
                        $"The credentials file {f.Path} has only one of ak and sk in its [basic] section."));
                credentials = FromSource(() => RdsCredentials.FromAccessKey(fak, fsk, f["security_token"]), $"the credentials file {f.Path} ([basic] ak / security_token)");
                source = f.Path;
            }
        }

        var projectId = Blank(options.ProjectId) ?? env.Variable(RdsEnvironmentVariables.ProjectId) ?? File()?["project_id"];
        if (projectId is null)
            throw new RdsException(new RdsError(RdsErrorIds.ProjectIdNotFound,
                $"No project id found: pass one, or set {RdsEnvironmentVariables.ProjectId}, or add project_id to the [basic] section of the SDK credentials file."));

        var apiVersion = RdsApiVersions.Resolve(options.ApiVersion, env);
        var connection = new RdsConnection(region, projectId, endpoint, credentials, source, apiVersion);
        TrustFrom(connection, options, env);
        return connection;
    }

    /// <summary>-CertificateAuthorityFile, else RDSRECOVERY_CA_FILE: the private CAs this connection trusts.</summary>
    private static void TrustFrom(RdsConnection connection, RdsConnectionOptions options, RdsEnvironment env)
    {
        var given = Blank(options.CertificateAuthorityFile);
        var file = given ?? env.Variable(RdsEnvironmentVariables.CertificateAuthorityFile);
        if (file is null) return;
        var path = System.IO.Path.IsPathRooted(file) || options.BaseDirectory is null ? System.IO.Path.GetFullPath(file) : System.IO.Path.GetFullPath(System.IO.Path.Combine(options.BaseDirectory, file));
        connection.CertificateAuthorities = PemCertificates.Load(path, given is null ? RdsEnvironmentVariables.CertificateAuthorityFile : "-CertificateAuthorityFile");
        connection.CertificateAuthorityFile = path;
    }

    /// <summary>Says where a credential refused for its characters came from (never its value).</summary>
    private static RdsCredentials FromSource(Func<RdsCredentials> make, string source)
    {
        try { return make(); }
        catch (RdsException ex) when (ex.ErrorId == RdsErrorIds.InvalidCredentialCharacters)
        {
            throw new RdsException(new RdsError(ex.ErrorId, $"From {source}: {ex.Message}"));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    public override string ToString()
    {
        var who = AuthenticationType == RdsAuthenticationType.Token ? "IAM token" : $"access key {AccessKey}";
        var where = string.IsNullOrEmpty(Region) ? Endpoint.ToString() : $"{Region} ({Endpoint})";
        return $"RDS {where}, project {ProjectId}, {who}, API {ApiVersion}";
    }
}
