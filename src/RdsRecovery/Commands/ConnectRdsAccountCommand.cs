using System.Security;
using System.Threading;
using RdsRecovery.Auth;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Sets the session's default connection to the RDS service (and returns it with -PassThru). Credentials come from
/// the parameters, else the HUAWEICLOUD_SDK_* environment variables, else the SDK credentials file.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "RdsAccount", DefaultParameterSetName = FromEnvironmentSet)]
[OutputType(typeof(RdsConnection))]
public sealed class ConnectRdsAccountCommand : RdsCmdlet, IDisposable
{
    public const string FromEnvironmentSet = "FromEnvironment";
    public const string AccessKeySet = "AccessKey";
    public const string CredentialSet = "Credential";
    public const string TokenSet = "Token";

    /// <summary>The region, for example ap-southeast-1; names the regional endpoint unless -Endpoint is given.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [Alias("project_id")]
    public string? ProjectId { get; set; }

    /// <summary>A base URI that replaces the regional host: the emulator, Open Telekom Cloud, a private cloud.</summary>
    [Parameter]
    public Uri? Endpoint { get; set; }

    /// <summary>User name = access key, password = secret key.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [Alias("ak")]
    public string AccessKey { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [Alias("sk")]
    public SecureString SecretKey { get; set; } = null!;

    /// <summary>The security token of temporary AK/SK credentials.</summary>
    [Parameter(ParameterSetName = AccessKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    public SecureString? SecurityToken { get; set; }

    /// <summary>An IAM token (X-Auth-Token) instead of AK/SK.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    public SecureString Token { get; set; } = null!;

    /// <summary>The restore API version: v3 (the seed's, default) or v3.1 (current Huawei Cloud and Open Telekom Cloud documents). Also picks the rule profile.</summary>
    [Parameter]
    [ValidateSet(RdsApiVersions.V3, RdsApiVersions.V31, IgnoreCase = true)]
    public string? ApiVersion { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A PEM file of private CA certificates to trust for this connection only (else RDSRECOVERY_CA_FILE). Verification stays on.</summary>
    [Parameter]
    public string? CertificateAuthorityFile { get; set; }

    /// <summary>Connect without the check read (offline, or to prepare a connection for later).</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    private readonly CancellationTokenSource _stopping = new();

    protected override void StopProcessing()
    {
        // A stop that arrives after the pipeline ended (and disposed this cmdlet) has nothing left to stop.
        try { _stopping.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>PowerShell disposes a cmdlet when its pipeline ends.</summary>
    public void Dispose() => _stopping.Dispose();

    protected override void ProcessInput()
    {
        try
        {
            // Inside the try: a credential refused for its characters (InvalidCredentialCharacters) is reported like any other.
            RdsCredentials? credentials = ParameterSetName switch
            {
                AccessKeySet => RdsCredentials.FromAccessKey(AccessKey, SecretKey, SecurityToken),
                CredentialSet => RdsCredentials.FromAccessKey(Credential.UserName, Credential.Password, SecurityToken),
                TokenSet => RdsCredentials.FromToken(Token),
                _ => null,
            };
            var connection = RdsConnection.Resolve(new RdsConnectionOptions
            {
                Region = Region,
                ProjectId = ProjectId,
                Endpoint = Endpoint,
                Credentials = credentials,
                CertificateAuthorityFile = CertificateAuthorityFile is null ? null : GetUnresolvedProviderPathFromPSPath(CertificateAuthorityFile),
                BaseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                ApiVersion = ApiVersion is null ? null : RdsApiVersions.Parse(ApiVersion),
            });
            if (Endpoint is not null && !string.Equals(Endpoint.AbsolutePath.TrimEnd('/'), connection.Endpoint.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
                WriteWarning($"The endpoint's API path was dropped: requests go to {connection.Endpoint}/v3/{{project_id}}/... Give the base URI to avoid this warning.");
            if (!SkipValidation && !Validate(connection)) return;
            RdsSession.DefaultConnection = connection;
            WriteVerbose($"Connected: {connection}");
            if (PassThru) WriteObject(connection);
        }
        catch (RdsException ex)
        {
            // Nothing else can work without a connection: stop here.
            ThrowTerminatingError(ErrorRecords.From(ex, Endpoint ?? (object?)Region));
        }
    }

    /// <summary>The check read; false after a terminating error that says what to check.</summary>
    private bool Validate(RdsConnection connection)
    {
        var result = System.Threading.Tasks.Task.Run(() => RdsConnectionCheck.RunAsync(connection, null, _stopping.Token)).GetAwaiter().GetResult();
        if (_stopping.IsCancellationRequested) throw new PipelineStoppedException();
        if (result.Cause is not null) WriteVerbose($"Check read: {result.Cause.Message}");
        if (result.Warning is not null) WriteWarning(result.Warning);
        if (result.Error is null) return true;
        ThrowTerminatingError(ErrorRecords.From(result.Error));
        return false;
    }
}
