namespace RdsRecovery.Errors;

/// <summary>
/// Every error id the module raises. These strings are a contract: runbooks branch on them through
/// <c>$err.FullyQualifiedErrorId</c> (which starts with the id) and they are never renamed; new ids may be added.
/// Each id's category and meaning are in <see cref="RdsErrorCatalog"/>, which says how to add one.
/// </summary>
public static class RdsErrorIds
{
    // ---- Input validation ----
    public const string InvalidInstanceId = "InvalidInstanceId";
    public const string InstanceNameAmbiguous = "InstanceNameAmbiguous";
    public const string UnsupportedPipelineInput = "UnsupportedPipelineInput";
    public const string PipelineInputConflict = "PipelineInputConflict";
    public const string InvalidBackupId = "InvalidBackupId";
    public const string BackupAndRestoreTimeBothGiven = "BackupAndRestoreTimeBothGiven";
    public const string BackupOrRestoreTimeRequired = "BackupOrRestoreTimeRequired";
    public const string RestoreTimeInFuture = "RestoreTimeInFuture";
    public const string RestoreTimeBeforeEpoch = "RestoreTimeBeforeEpoch";
    public const string RestoreTimeNotUtc = "RestoreTimeNotUtc";
    public const string InvalidRestoreTime = "InvalidRestoreTime";
    public const string InvalidDatabaseMap = "InvalidDatabaseMap";
    public const string InvalidTableMap = "InvalidTableMap";
    public const string SchemaOnlyForPostgreSql = "SchemaOnlyForPostgreSql";
    public const string InvalidInstanceObject = "InvalidInstanceObject";
    public const string InvalidJobId = "InvalidJobId";
    public const string InvalidTimeRange = "InvalidTimeRange";
    public const string InvalidWaitSetting = "InvalidWaitSetting";


    // ---- Checks and session ----
    public const string RestoreIncompatible = "RestoreIncompatible";
    public const string NotConnected = "NotConnected";
    public const string ConfirmationUnavailable = "ConfirmationUnavailable";
    public const string AsJobNeedsConfirmation = "AsJobNeedsConfirmation";
    public const string InstanceNameUnresolved = "InstanceNameUnresolved";
    public const string LatestRestoreTimeUnresolved = "LatestRestoreTimeUnresolved";
    public const string NoRestoreWindow = "NoRestoreWindow";
    public const string InstanceNotFound = "InstanceNotFound";
    public const string OperationNotSupportedByEngine = "OperationNotSupportedByEngine";
    public const string BackupNotFound = "BackupNotFound";
    public const string UnexpectedError = "UnexpectedError";
    public const string JournalUnavailable = "JournalUnavailable";
    public const string UnresolvedRestoreNotFound = "UnresolvedRestoreNotFound";


    // ---- Configuration (Connect-RdsAccount) ----
    public const string CredentialsNotFound = "CredentialsNotFound";
    public const string CredentialsIncomplete = "CredentialsIncomplete";
    public const string CredentialsFileInvalid = "CredentialsFileInvalid";
    public const string ProjectIdNotFound = "ProjectIdNotFound";
    public const string InvalidProjectId = "InvalidProjectId";
    public const string InvalidApiVersion = "InvalidApiVersion";
    public const string RegionOrEndpointRequired = "RegionOrEndpointRequired";
    public const string InvalidRegion = "InvalidRegion";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string InsecureEndpoint = "InsecureEndpoint";
    public const string InvalidCredentialCharacters = "InvalidCredentialCharacters";
    public const string CertificateAuthorityFileInvalid = "CertificateAuthorityFileInvalid";


    // ---- Connect-RdsAccount's check read ----
    public const string CredentialsRejected = "CredentialsRejected";
    public const string ProjectIdRejected = "ProjectIdRejected";
    public const string EndpointNotRds = "EndpointNotRds";
    public const string EndpointUnreachable = "EndpointUnreachable";
    public const string ConnectionCheckFailed = "ConnectionCheckFailed";


    // ---- Service answers ----
    public const string RdsResourceNotFound = "RdsResourceNotFound";
    public const string RdsPermissionDenied = "RdsPermissionDenied";
    public const string RdsAuthenticationFailed = "RdsAuthenticationFailed";
    public const string RdsResourceBusy = "RdsResourceBusy";
    public const string RdsInvalidArgument = "RdsInvalidArgument";
    public const string RdsThrottled = "RdsThrottled";
    public const string RdsServerError = "RdsServerError";
    public const string RdsTransportError = "RdsTransportError";
    public const string RdsRequestTimeout = "RdsRequestTimeout";
    public const string RdsInvalidResponse = "RdsInvalidResponse";
    public const string RdsServiceError = "RdsServiceError";
    public const string RdsRedirectNotFollowed = "RdsRedirectNotFollowed";
    public const string RdsTlsNotTrusted = "RdsTlsNotTrusted";


    // ---- Restore submission and jobs ----
    public const string RestoreOutcomeUnknown = "RestoreOutcomeUnknown";
    public const string RestoreJobFailed = "RestoreJobFailed";
    public const string RestoreJobNotFound = "RestoreJobNotFound";
    public const string RestoreJobWaitTimeout = "RestoreJobWaitTimeout";
    public const string RestoreJobPollFailed = "RestoreJobPollFailed";
    public const string RestoreTargetInstanceFailed = "RestoreTargetInstanceFailed";

    // ---- Manual backups, the safety backup of -BackupTargetFirst, and Undo-RdsRestore (issue 13) ----
    public const string InvalidBackupName = "InvalidBackupName";
    public const string InvalidBackupDescription = "InvalidBackupDescription";
    public const string InvalidBackupDatabases = "InvalidBackupDatabases";
    public const string BackupNotManual = "BackupNotManual";
    public const string BackupFailed = "BackupFailed";
    public const string BackupWaitTimeout = "BackupWaitTimeout";
    public const string SafetyBackupNotPossible = "SafetyBackupNotPossible";
    public const string SafetyBackupFailed = "SafetyBackupFailed";
    public const string SafetyBackupTimedOut = "SafetyBackupTimedOut";
    public const string UndoNoSafetyBackup = "UndoNoSafetyBackup";
    public const string UndoJobNotFinished = "UndoJobNotFinished";
    public const string SafetyBackupGone = "SafetyBackupGone";
    public const string UndoJobNotInJournal = "UndoJobNotInJournal";
}
