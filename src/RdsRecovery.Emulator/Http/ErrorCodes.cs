namespace RdsRecovery.Emulator.Http;

/// <summary>The error codes the emulator answers with; README.md lists which rule gives which.</summary>
internal static class ErrorCodes
{
    public const string ParameterError = "DBS.200001";
    public const string RequestNull = "DBS.200006";
    public const string InstanceNotFound = "DBS.200002";
    public const string SourceInstanceNotFound = "DBS.200013";
    public const string ProjectNotAuthorized = "DBS.200010";
    public const string InstanceBusy = "DBS.200011";
    public const string EngineMismatch = "DBS.200040";
    public const string VersionNotAllowed = "DBS.201207";
    public const string VolumeTooSmall = "DBS.280001";
    public const string BackupNotFound = "DBS.201010";
    public const string BackupNotUsable = "DBS.280214";
    public const string BackupInProgress = "DBS.201205";
    public const string NoBackupForTime = "DBS.201203";
    public const string DatabaseNameClash = "DBS.201035";
    public const string DatabaseNotFound = "DBS.280128";
    public const string JobNotFound = "DBS.200543";
    public const string ServerFailure = "DBS.108000";
    public const string GatewayAuth = "APIGW.0301";
    public const string GatewayNoApi = "APIGW.0101";
    public const string GatewayThrottled = "APIGW.0308";
}
