using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>Explicit settings for a connection; anything left null is resolved from the environment, then the SDK credentials file.</summary>
public sealed class RdsConnectionOptions
{
    public string? Region { get; set; }
    public string? ProjectId { get; set; }
    /// <summary>A base URI overriding the regional host (emulator, Open Telekom Cloud, private cloud).</summary>
    public Uri? Endpoint { get; set; }
    /// <summary>Access key pair or IAM token; built with <see cref="RdsCredentials.FromAccessKey(string, System.Security.SecureString, System.Security.SecureString?)"/> or FromToken.</summary>
    public RdsCredentials? Credentials { get; set; }

    /// <summary>A PEM file of private CA certificates to trust for this connection only (else RDSRECOVERY_CA_FILE); verification stays on.</summary>
    public string? CertificateAuthorityFile { get; set; }

    /// <summary>The folder a relative certificate authority file (from the environment) is resolved against; the process's current folder when null.</summary>
    public string? BaseDirectory { get; set; }
    /// <summary>The restore API version; null reads RDSRECOVERY_API_VERSION, else v3.</summary>
    public RdsRestoreApiVersion? ApiVersion { get; set; }
}
