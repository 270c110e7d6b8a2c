namespace RdsRecovery.Auth;

/// <summary>The environment variables the module reads, as the Huawei Cloud SDKs name them.</summary>
public static class RdsEnvironmentVariables
{
    public const string AccessKey = "HUAWEICLOUD_SDK_AK";
    public const string SecretKey = "HUAWEICLOUD_SDK_SK";
    public const string SecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";
    /// <summary>Ours: the SDKs define no region variable.</summary>
    public const string Region = "HUAWEICLOUD_SDK_REGION";
    public const string CredentialsFile = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    /// <summary>Prefix of the per-region endpoint override, followed by the region upper-cased with '-' as '_'.</summary>
    public const string RdsEndpointPrefix = "HUAWEICLOUD_SDK_REGION_RDS_";
    /// <summary>Ours (prefixed RDSRECOVERY_, unlike the SDKs' names): a PEM file of private CAs to trust, as Connect-RdsAccount -CertificateAuthorityFile.</summary>
    public const string CertificateAuthorityFile = "RDSRECOVERY_CA_FILE";
    /// <summary>Ours: the restore API version (v3 or v3.1) when Connect-RdsAccount is not given -ApiVersion.</summary>
    public const string ApiVersion = "RDSRECOVERY_API_VERSION";
}
