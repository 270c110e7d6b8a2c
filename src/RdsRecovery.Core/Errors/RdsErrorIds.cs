namespace RdsRecovery.Errors;

/// <summary>
/// Every error id the module raises. These strings are a contract: runbooks branch on them through
/// <c>$err.FullyQualifiedErrorId</c> (which starts with the id) and they are never renamed; new ids may be added.
/// </summary>
public static class RdsErrorIds
{
    // ---- Input validation (never skipped) ----

    /// <summary>A source or target instance id is missing, blank, longer than 64 characters or holds a character outside [A-Za-z0-9_-]. Category InvalidArgument.</summary>
    public const string InvalidInstanceId = "InvalidInstanceId";

    /// <summary>A backup id is blank, longer than 64 characters or holds a character outside [A-Za-z0-9_-]. Category InvalidArgument.</summary>
    public const string InvalidBackupId = "InvalidBackupId";

    /// <summary>Both a backup id and a point in time were given; a restore uses exactly one. Category InvalidArgument.</summary>
    public const string BackupAndRestoreTimeBothGiven = "BackupAndRestoreTimeBothGiven";

    /// <summary>Neither a backup id nor a point in time was given. Category InvalidArgument.</summary>
    public const string BackupOrRestoreTimeRequired = "BackupOrRestoreTimeRequired";

    /// <summary>The point in time is later than now. Category InvalidArgument.</summary>
    public const string RestoreTimeInFuture = "RestoreTimeInFuture";

    /// <summary>The point in time is not after 1970-01-01T00:00:00Z. Category InvalidArgument.</summary>
    public const string RestoreTimeBeforeEpoch = "RestoreTimeBeforeEpoch";

    /// <summary>
    /// The point in time does not say which zone it is in: a DateTime of unspecified kind, or a string without
    /// <c>Z</c> or an explicit offset. It is refused rather than read as local time. Category InvalidArgument.
    /// </summary>
    public const string RestoreTimeNotUtc = "RestoreTimeNotUtc";

    /// <summary>The point in time is of a type that cannot be read as a time (for example a fractional number). Category InvalidArgument.</summary>
    public const string InvalidRestoreTime = "InvalidRestoreTime";

    /// <summary>
    /// The database map is not well formed: empty, a blank old name, a null or non-string new name, or two old names
    /// equal when compared case-insensitively. Category InvalidArgument.
    /// </summary>
    public const string InvalidDatabaseMap = "InvalidDatabaseMap";

    /// <summary>
    /// An instance name matches more than one instance (names need not be unique); the message lists their ids.
    /// Nothing is sent: give the id. Category InvalidArgument.
    /// </summary>
    public const string InstanceNameAmbiguous = "InstanceNameAmbiguous";

    /// <summary>
    /// A value that can only be an instance name (it is not id-shaped) was given without a connection, so it cannot be
    /// matched against the instance list (for example Restore-RdsInstance -WhatIf offline). Category InvalidOperation.
    /// </summary>
    public const string InstanceNameUnresolved = "InstanceNameUnresolved";

    /// <summary>
    /// An object piped into a cmdlet that does not take it: a restore job into anything but Get-RdsRestoreJob and
    /// Wait-RdsRestoreJob, or a row with none of the fields the cmdlet binds. Nothing is read for it. Category InvalidArgument.
    /// </summary>
    public const string UnsupportedPipelineInput = "UnsupportedPipelineInput";

    /// <summary>A backup was piped in and a different -BackupId was given as well. Nothing is sent. Category InvalidArgument.</summary>
    public const string PipelineInputConflict = "PipelineInputConflict";

    /// <summary>An object given as an instance cannot be read as one (no id, no engine, a field of the wrong type). Category InvalidArgument.</summary>
    public const string InvalidInstanceObject = "InvalidInstanceObject";

    // ---- Outcomes of the checks ----

    /// <summary>
    /// At least one compatibility rule failed, so the restore is not sent. The message names each failed rule id;
    /// <c>-SkipCompatibilityCheck</c> skips these rules. Category InvalidOperation.
    /// </summary>
    public const string RestoreIncompatible = "RestoreIncompatible";

    // ---- Session ----

    /// <summary>
    /// The restore would be sent but the session has no connection. Run Connect-RdsAccount first. Category InvalidOperation:
    /// nothing failed to connect; the command is not valid in a session without a connection.
    /// </summary>
    public const string NotConnected = "NotConnected";

    /// <summary>
    /// The restore needs confirmation but the host cannot ask (for example pwsh -NonInteractive). Nothing was sent.
    /// Pass -Confirm:$false or -Force to proceed, or -WhatIf to preview. Category InvalidOperation.
    /// </summary>
    public const string ConfirmationUnavailable = "ConfirmationUnavailable";

    /// <summary>An unexpected failure inside the module, wrapped so no raw exception escapes. Category NotSpecified.</summary>
    public const string UnexpectedError = "UnexpectedError";

    // ---- Configuration, service, restore submission and job waiting (the client). ----
    /// <summary>No credentials: none given, none in HUAWEICLOUD_SDK_AK/SK, none in the SDK credentials file. Category AuthenticationError.</summary>
    public const string CredentialsNotFound = "CredentialsNotFound";
    /// <summary>An access key without a secret key, or the reverse. Category InvalidArgument.</summary>
    public const string CredentialsIncomplete = "CredentialsIncomplete";
    /// <summary>The SDK credentials file exists but could not be read (permissions, a folder). Category InvalidArgument.</summary>
    public const string CredentialsFileInvalid = "CredentialsFileInvalid";
    /// <summary>No project id: none given, none in HUAWEICLOUD_SDK_PROJECT_ID or the credentials file. Category InvalidArgument.</summary>
    public const string ProjectIdNotFound = "ProjectIdNotFound";
    /// <summary>The project id is not a plain identifier. Category InvalidArgument.</summary>
    public const string InvalidProjectId = "InvalidProjectId";
    /// <summary>RDSRECOVERY_API_VERSION holds something other than v3 or v3.1. Category InvalidArgument.</summary>
    public const string InvalidApiVersion = "InvalidApiVersion";
    /// <summary>Neither a region nor an endpoint was given or found. Category InvalidArgument.</summary>
    public const string RegionOrEndpointRequired = "RegionOrEndpointRequired";
    /// <summary>The region name is malformed. Category InvalidArgument.</summary>
    public const string InvalidRegion = "InvalidRegion";
    /// <summary>The endpoint is not an absolute http(s) URI without query. Category InvalidArgument.</summary>
    public const string InvalidEndpoint = "InvalidEndpoint";
    /// <summary>Plain http to anything but a loopback address. Category InvalidArgument.</summary>
    public const string InsecureEndpoint = "InsecureEndpoint";
    /// <summary>Connect's check read: the service refused the credentials (401): access key, secret key, token or clock. Category AuthenticationError.</summary>
    public const string CredentialsRejected = "CredentialsRejected";
    /// <summary>Connect's check read: the service refused the project id (403 DBS.200010/DBS.200604): not a project of these credentials in this region. Category PermissionDenied.</summary>
    public const string ProjectIdRejected = "ProjectIdRejected";
    /// <summary>Connect's check read: the endpoint answered, but not as the RDS API (404 for the path, or an answer that is not its JSON). Category InvalidArgument.</summary>
    public const string EndpointNotRds = "EndpointNotRds";
    /// <summary>Connect's check read: the endpoint could not be reached (name, network, proxy, TLS, timeout). Category ConnectionError.</summary>
    public const string EndpointUnreachable = "EndpointUnreachable";
    /// <summary>Connect's check read failed for another reason (for example 5xx); the message carries the service's answer. Category by cause.</summary>
    public const string ConnectionCheckFailed = "ConnectionCheckFailed";
    /// <summary>The service answered 404 or a not-found code. Category ObjectNotFound.</summary>
    public const string RdsResourceNotFound = "RdsResourceNotFound";
    /// <summary>The service answered 403. Category PermissionDenied.</summary>
    public const string RdsPermissionDenied = "RdsPermissionDenied";
    /// <summary>The service answered 401 (APIGW.0301 and friends). Category AuthenticationError.</summary>
    public const string RdsAuthenticationFailed = "RdsAuthenticationFailed";
    /// <summary>409 or a documented busy code: another operation runs on the instance. Category ResourceBusy.</summary>
    public const string RdsResourceBusy = "RdsResourceBusy";
    /// <summary>The service refused the request as invalid (400). Category InvalidArgument.</summary>
    public const string RdsInvalidArgument = "RdsInvalidArgument";
    /// <summary>429 after every retry. Category LimitsExceeded.</summary>
    public const string RdsThrottled = "RdsThrottled";
    /// <summary>5xx after every retry. Category ResourceUnavailable.</summary>
    public const string RdsServerError = "RdsServerError";
    /// <summary>The connection failed after every retry. Category ConnectionError.</summary>
    public const string RdsTransportError = "RdsTransportError";
    /// <summary>The request timed out after every retry. Category OperationTimeout.</summary>
    public const string RdsRequestTimeout = "RdsRequestTimeout";
    /// <summary>The answer was not the JSON the API documents (HTML, malformed, too large). Category InvalidResult.</summary>
    public const string RdsInvalidResponse = "RdsInvalidResponse";
    /// <summary>Any other service error. Category NotSpecified.</summary>
    public const string RdsServiceError = "RdsServiceError";
    /// <summary>The restore was sent but its answer was lost (timeout, 5xx, dropped connection): the job may exist. It is never resent. Category by cause: OperationTimeout, ConnectionError (dropped connection), ResourceUnavailable (5xx), InvalidResult (unreadable answer).</summary>
    public const string RestoreOutcomeUnknown = "RestoreOutcomeUnknown";
    /// <summary>The restore job ended Failed; the message carries the service's reason. Category InvalidResult.</summary>
    public const string RestoreJobFailed = "RestoreJobFailed";
    /// <summary>The job never became visible within the grace period. Category ObjectNotFound.</summary>
    public const string RestoreJobNotFound = "RestoreJobNotFound";
    /// <summary>-Timeout passed before the job finished; the restore goes on. Category OperationTimeout.</summary>
    public const string RestoreJobWaitTimeout = "RestoreJobWaitTimeout";
    /// <summary>Polling the job failed repeatedly. Category ConnectionError.</summary>
    public const string RestoreJobPollFailed = "RestoreJobPollFailed";
    /// <summary>The job completed but the target instance ended FAILED. Category InvalidResult.</summary>
    public const string RestoreTargetInstanceFailed = "RestoreTargetInstanceFailed";

    /// <summary>An instance named by the request does not exist (looked up before sending). Category ObjectNotFound.</summary>
    public const string InstanceNotFound = "InstanceNotFound";
    /// <summary>The backup does not exist or was not taken of the source (looked up before sending). Category ObjectNotFound.</summary>
    public const string BackupNotFound = "BackupNotFound";
    /// <summary>A job id that is not an identifier (1-64 of A-Z a-z 0-9 _ -). Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidJobId = "InvalidJobId";
    /// <summary>A backup time filter that is not a range (-After later than -Before). Category InvalidArgument.</summary>
    public const string InvalidTimeRange = "InvalidTimeRange";

    // Issue 9: the holes found under attack.
    /// <summary>The endpoint answered with a redirect (3xx); it is never followed, the error names the Location. Category ProtocolError.</summary>
    public const string RdsRedirectNotFollowed = "RdsRedirectNotFollowed";
    /// <summary>The endpoint's TLS certificate is not trusted (unknown CA, name mismatch, not TLS); not retried. Category SecurityError.</summary>
    public const string RdsTlsNotTrusted = "RdsTlsNotTrusted";
    /// <summary>A -CertificateAuthorityFile (or RDSRECOVERY_CA_FILE) that cannot be read or holds no PEM certificate. Category InvalidArgument.</summary>
    public const string CertificateAuthorityFileInvalid = "CertificateAuthorityFileInvalid";
    /// <summary>An access key, security token or IAM token with a character not allowed in an HTTP header (CR, LF, NUL, non-ASCII, ...). Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidCredentialCharacters = "InvalidCredentialCharacters";
    /// <summary>-Timeout or -PollInterval out of range (poll interval under 100 ms, timeout not positive). Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidWaitSetting = "InvalidWaitSetting";
    /// <summary>The restore journal cannot be written or read (a directory, a device, a dangling or looping link, read-only, full, locked); no restore is sent. Category WriteError.</summary>
    public const string JournalUnavailable = "JournalUnavailable";
    /// <summary>Get-RdsRestoreJob -Acknowledge names an attempt that is not an unresolved restore of the journal. Category ObjectNotFound.</summary>
    public const string UnresolvedRestoreNotFound = "UnresolvedRestoreNotFound";
    // Issue 13: manual backups, the safety backup before a restore, and its undo.
    /// <summary>A manual backup name outside the documented grammar (4-64 characters, a letter first, then letters, digits, '-' and '_'). Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidBackupName = "InvalidBackupName";
    /// <summary>A manual backup description longer than 256 characters or holding one of &gt; ! &lt; " &amp; ' =. Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidBackupDescription = "InvalidBackupDescription";
    /// <summary>New-RdsBackup -DatabaseName is empty, holds a blank name or names a database twice. Nothing is sent. Category InvalidArgument.</summary>
    public const string InvalidBackupDatabases = "InvalidBackupDatabases";
    /// <summary>New-RdsBackup -Wait: the backup ended FAILED (or vanished from the backup list). Category InvalidResult.</summary>
    public const string BackupFailed = "BackupFailed";
    /// <summary>New-RdsBackup -Wait: the backup was still BUILDING when -Timeout passed; the service goes on with it. Category OperationTimeout.</summary>
    public const string BackupWaitTimeout = "BackupWaitTimeout";
    /// <summary>Remove-RdsBackup names an automated (not manual) backup; only manual backups can be deleted. Nothing is sent. Category InvalidOperation.</summary>
    public const string BackupNotManual = "BackupNotManual";
    /// <summary>-BackupTargetFirst where no undo could be possible: the target's engine cannot be restored into itself under the connection's rule profile. Nothing is sent. Category InvalidOperation.</summary>
    public const string SafetyBackupNotPossible = "SafetyBackupNotPossible";
    /// <summary>-BackupTargetFirst: the safety backup was refused, ended FAILED, vanished, or its answer was lost. Nothing was restored. Category InvalidResult.</summary>
    public const string SafetyBackupFailed = "SafetyBackupFailed";
    /// <summary>-BackupTargetFirst: the safety backup did not complete, or the target was not ACTIVE again, within -BackupTimeout. Nothing was restored. Category OperationTimeout.</summary>
    public const string SafetyBackupTimedOut = "SafetyBackupTimedOut";
    /// <summary>Undo-RdsRestore: the job has no safety backup (it was not run with -BackupTargetFirst). Nothing is sent. Category InvalidOperation.</summary>
    public const string UndoNoSafetyBackup = "UndoNoSafetyBackup";
    /// <summary>Undo-RdsRestore: the job is still running (or not yet visible); undo it once it has ended. Nothing is sent. Category InvalidOperation.</summary>
    public const string UndoJobNotFinished = "UndoJobNotFinished";
    /// <summary>Undo-RdsRestore: the job's safety backup is no longer in the target's backup list (deleted) or is not COMPLETED. Nothing is sent. Category ObjectNotFound.</summary>
    public const string SafetyBackupGone = "SafetyBackupGone";
    /// <summary>Undo-RdsRestore -JobId: the local journal has no restore with this job id (so its target and safety backup are not known). Nothing is sent. Category ObjectNotFound.</summary>
    public const string UndoJobNotInJournal = "UndoJobNotInJournal";
}
