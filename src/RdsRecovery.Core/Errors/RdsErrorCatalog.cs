using static RdsRecovery.Errors.RdsErrorCategory;

namespace RdsRecovery.Errors;

/// <summary>
/// The one catalogue of error ids: each id, its category and its one-line summary, written here and nowhere else.
/// <see cref="RdsError"/> takes its category from here, and en-US/about_RdsRecovery.md's ERRORS list is this table
/// rendered by <see cref="RenderAboutList"/> (ErrorCatalogTests fails when they differ and says how to rewrite it).
/// </summary>
/// <remarks>
/// To add an error id: add a constant to <see cref="RdsErrorIds"/> (never rename one: runbooks catch on them), add one
/// line below in the right group, raise it as <c>new RdsError(RdsErrorIds.X, message, target)</c> (returned, or thrown
/// in an <c>RdsException</c>), then run the about-topic command in tests/README.md. Tests fail for an id without a line
/// here, a line whose id nothing raises, and an about topic that does not list it.
/// Categories follow PowerShell's use of ErrorCategory: a value the user gave is InvalidArgument (a missing one too, as
/// for a missing mandatory parameter); AuthenticationError only when the service refused the credentials; a category a
/// retry wrapper reads as transient (ConnectionError, OperationTimeout, ResourceUnavailable) never for a restore whose
/// outcome is unknown.
/// </remarks>
public static class RdsErrorCatalog
{
    private static readonly RdsErrorGroup Input = new("Input validation (nothing is sent):");
    private static readonly RdsErrorGroup Checks = new("Checks and session:");
    private static readonly RdsErrorGroup Configuration = new("Configuration (Connect-RdsAccount):");
    private static readonly RdsErrorGroup CheckRead = new(
        "Connect-RdsAccount's check read (GET /v3/{project_id}/instances?limit=1; -SkipValidation skips it):",
        "(any other 403: the identity may not list instances; the connection is kept with a warning)");
    private static readonly RdsErrorGroup Service = new("Service answers:");
    private static readonly RdsErrorGroup Jobs = new("Restore submission and jobs:");

    /// <summary>Every id, in the order the about topic lists them.</summary>
    public static IReadOnlyList<RdsErrorEntry> All { get; } = new[]
    {
        E(Input, RdsErrorIds.InvalidInstanceId, InvalidArgument, "an instance is missing or blank, or is neither an id (1-64 of [A-Za-z0-9_-]) nor a name (a letter, then letters, digits, - _ .)"),
        E(Input, RdsErrorIds.InstanceNameAmbiguous, InvalidArgument, "an instance name matches several instances; the message lists their ids"),
        E(Input, RdsErrorIds.UnsupportedPipelineInput, InvalidArgument, "a piped object the cmdlet does not take (a restore job anywhere but Get-/Wait-RdsRestoreJob, a row with no instance id); nothing is read for it"),
        E(Input, RdsErrorIds.PipelineInputConflict, InvalidArgument, "a backup was piped in and a different -BackupId was given"),
        E(Input, RdsErrorIds.InvalidBackupId, InvalidArgument, "a backup id is blank, over 64 characters or not [A-Za-z0-9_-]"),
        E(Input, RdsErrorIds.BackupAndRestoreTimeBothGiven, InvalidArgument, "both -BackupId and -RestoreTime were given; a restore uses one"),
        E(Input, RdsErrorIds.BackupOrRestoreTimeRequired, InvalidArgument, "neither -BackupId nor -RestoreTime was given"),
        E(Input, RdsErrorIds.RestoreTimeInFuture, InvalidArgument, "the point in time is later than now"),
        E(Input, RdsErrorIds.RestoreTimeBeforeEpoch, InvalidArgument, "the point in time is not after 1970-01-01T00:00:00Z"),
        E(Input, RdsErrorIds.RestoreTimeNotUtc, InvalidArgument, "the point in time has no zone (an unspecified DateTime, a string without Z or offset); never read as local time"),
        E(Input, RdsErrorIds.InvalidRestoreTime, InvalidArgument, "the value cannot be read as a time (for example a fractional number)"),
        E(Input, RdsErrorIds.InvalidDatabaseMap, InvalidArgument, "the map is empty, has a blank old name, a null or non-string new name, or a repeated old name; Restore-RdsDatabase: also a blank or unchanged new name, or a new name twice"),
        E(Input, RdsErrorIds.InvalidTableMap, InvalidArgument, "Restore-RdsTable: the table map is empty, has a blank or unchanged name or a name twice, or -Database is blank"),
        E(Input, RdsErrorIds.SchemaOnlyForPostgreSql, InvalidArgument, "Restore-RdsTable -Schema for an instance that does not run PostgreSQL"),
        E(Input, RdsErrorIds.InvalidInstanceObject, InvalidArgument, "an object given as an instance has no id, no engine, or a field of the wrong type"),
        E(Input, RdsErrorIds.InvalidJobId, InvalidArgument, "a job id is not 1-64 of A-Z a-z 0-9 _ - (also a journal line without a job id)"),
        E(Input, RdsErrorIds.InvalidTimeRange, InvalidArgument, "Get-RdsBackup -After is later than -Before"),
        E(Input, RdsErrorIds.InvalidBackupName, InvalidArgument, "New-RdsBackup: a name outside 4-64 characters, a letter first, then letters, digits, - and _ (rds_09_0004)"),
        E(Input, RdsErrorIds.InvalidBackupDescription, InvalidArgument, "New-RdsBackup: a description over 256 characters or holding one of > ! < \" & ' ="),
        E(Input, RdsErrorIds.InvalidBackupDatabases, InvalidArgument, "New-RdsBackup -DatabaseName blank, repeated, or on an engine other than SQL Server and PostgreSQL"),
        E(Input, RdsErrorIds.InvalidWaitSetting, InvalidArgument, "-PollInterval under 100 ms or a -Timeout that is not positive; checked before anything is sent"),

        E(Checks, RdsErrorIds.RestoreIncompatible, InvalidOperation, "at least one compatibility rule failed; the message names each rule id; nothing was sent"),
        E(Checks, RdsErrorIds.NotConnected, InvalidOperation, "no connection: run Connect-RdsAccount or pass -Connection; nothing was sent"),
        E(Checks, RdsErrorIds.ConfirmationUnavailable, InvalidOperation, "confirmation is needed but the host cannot ask; use -Confirm:$false, -Force or -WhatIf"),
        E(Checks, RdsErrorIds.AsJobNeedsConfirmation, InvalidOperation, "-AsJob on a restore that would ask for confirmation: a job cannot ask; give -Force or -Confirm:$false; nothing is started or sent (terminating)"),
        E(Checks, RdsErrorIds.InstanceNameUnresolved, InvalidOperation, "offline, a value that can only be an instance name cannot be matched; connect, or give the id"),
        E(Checks, RdsErrorIds.LatestRestoreTimeUnresolved, InvalidOperation, "-RestoreTime Latest without a connection (also under -WhatIf): the latest restorable time is read from the service; nothing is sent"),
        E(Checks, RdsErrorIds.NoRestoreWindow, ObjectNotFound, "-RestoreTime Latest, but the source has no restorable window; nothing is sent"),
        E(Checks, RdsErrorIds.InstanceNotFound, ObjectNotFound, "an instance named by id or name does not exist (looked up before sending; Get-RdsInstance -Name with a plain name that matches nothing)"),
        E(Checks, RdsErrorIds.OperationNotSupportedByEngine, InvalidOperation, "the instance's engine has no such operation: SQL Server database lists (Get-RdsSqlServerDatabase), databases (MySQL, PostgreSQL) listed or restored, tables listed (PostgreSQL) or restored (MySQL, PostgreSQL) at a point in time"),
        E(Checks, RdsErrorIds.BackupNotFound, ObjectNotFound, "the backup does not exist or was not taken of the source"),
        E(Checks, RdsErrorIds.UnexpectedError, NotSpecified, "an unexpected failure inside the module, wrapped"),
        E(Checks, RdsErrorIds.JournalUnavailable, WriteError, "the restore journal's path cannot be used (a directory, a device, a dangling or looping link, read-only, full, a lock held over 5 s); no restore is sent"),
        E(Checks, RdsErrorIds.BackupNotManual, InvalidOperation, "Remove-RdsBackup names an automated backup; only manual backups are deleted; nothing is sent"),
        E(Checks, RdsErrorIds.SafetyBackupNotPossible, InvalidOperation, "-BackupTargetFirst where the target's engine cannot be restored into itself under the rule profile (no undo could work); nothing is sent"),
        E(Checks, RdsErrorIds.UndoNoSafetyBackup, InvalidOperation, "Undo-RdsRestore: the job was not sent with -BackupTargetFirst, so it has no safety backup; nothing is sent"),
        E(Checks, RdsErrorIds.UndoJobNotFinished, InvalidOperation, "Undo-RdsRestore: the service reports the job running, or does not show it yet; nothing is sent"),
        E(Checks, RdsErrorIds.SafetyBackupGone, ObjectNotFound, "Undo-RdsRestore: the job's safety backup was deleted or is not COMPLETED; nothing is sent"),
        E(Checks, RdsErrorIds.UndoJobNotInJournal, ObjectNotFound, "Undo-RdsRestore -JobId: the local journal holds no restore with that job id (so no target, no safety backup); nothing is sent"),
        E(Checks, RdsErrorIds.UnresolvedRestoreNotFound, ObjectNotFound, "Get-RdsRestoreJob -Acknowledge names no unresolved restore of the journal"),

        E(Configuration, RdsErrorIds.CredentialsNotFound, InvalidArgument, "no credentials in the parameters, the environment or the credentials file"),
        E(Configuration, RdsErrorIds.CredentialsIncomplete, InvalidArgument, "an access key without a secret key, or the reverse"),
        E(Configuration, RdsErrorIds.CredentialsFileInvalid, ReadError, "the SDK credentials file exists but could not be read (permissions, a folder)"),
        E(Configuration, RdsErrorIds.ProjectIdNotFound, InvalidArgument, "no project id anywhere"),
        E(Configuration, RdsErrorIds.InvalidProjectId, InvalidArgument, "the project id is not 1-64 of A-Z a-z 0-9 _ -"),
        E(Configuration, RdsErrorIds.InvalidApiVersion, InvalidArgument, "RDSRECOVERY_API_VERSION is neither v3 nor v3.1"),
        E(Configuration, RdsErrorIds.RegionOrEndpointRequired, InvalidArgument, "neither a region nor an endpoint"),
        E(Configuration, RdsErrorIds.InvalidRegion, InvalidArgument, "a malformed region name"),
        E(Configuration, RdsErrorIds.InvalidEndpoint, InvalidArgument, "not an absolute http(s) URI without query, fragment or user information"),
        E(Configuration, RdsErrorIds.InsecureEndpoint, InvalidArgument, "plain http to anything but a loopback address; nothing is sent"),
        E(Configuration, RdsErrorIds.InvalidCredentialCharacters, InvalidArgument, "an access key, security token or IAM token holds CR, LF, NUL, a space, another control or a non-ASCII character; from parameters, environment variables and the credentials file alike; nothing is sent"),
        E(Configuration, RdsErrorIds.CertificateAuthorityFileInvalid, InvalidArgument, "-CertificateAuthorityFile (or RDSRECOVERY_CA_FILE) cannot be read or holds no PEM certificate"),

        E(CheckRead, RdsErrorIds.CredentialsRejected, AuthenticationError, "401: check the access key and secret key, the security token, the IAM token, the clock"),
        E(CheckRead, RdsErrorIds.ProjectIdRejected, PermissionDenied, "401 naming the project, or 403 DBS.200010/DBS.200604: the project id is not this region's project of these credentials"),
        E(CheckRead, RdsErrorIds.EndpointNotRds, InvalidArgument, "404 or an answer that is not the RDS API: check -Endpoint (a base URI, no /v3 path)"),
        E(CheckRead, RdsErrorIds.EndpointUnreachable, ConnectionError, "no answer (refused, unknown name, timeout): check the region name or endpoint, the network, a proxy"),
        E(CheckRead, RdsErrorIds.ConnectionCheckFailed, ResourceUnavailable, "any other failure of the check read (a 5xx, a 429, ...), with the service's answer; the cause is the inner exception"),

        E(Service, RdsErrorIds.RdsResourceNotFound, ObjectNotFound, "404 or a not-found code"),
        E(Service, RdsErrorIds.RdsPermissionDenied, PermissionDenied, "403"),
        E(Service, RdsErrorIds.RdsAuthenticationFailed, AuthenticationError, "401, for example APIGW.0301 for a bad signature, a clock more than 15 minutes off, an expired token"),
        E(Service, RdsErrorIds.RdsResourceBusy, ResourceBusy, "409 or a busy code: another operation runs on the instance; a restore refused so is not sent again"),
        E(Service, RdsErrorIds.RdsInvalidArgument, InvalidArgument, "400: the service refused the request as invalid; the message carries its error_code"),
        E(Service, RdsErrorIds.RdsThrottled, LimitsExceeded, "429 after every retry"),
        E(Service, RdsErrorIds.RdsServerError, ResourceUnavailable, "5xx after every retry"),
        E(Service, RdsErrorIds.RdsTransportError, ConnectionError, "the connection failed after every retry"),
        E(Service, RdsErrorIds.RdsRequestTimeout, OperationTimeout, "the request timed out after every retry"),
        E(Service, RdsErrorIds.RdsInvalidResponse, InvalidResult, "the answer was not the documented JSON: HTML, malformed, too large, or a field the module reads is missing or of the wrong type (a number for a string, an unknown job status, another job's id, a time that is no time); the message names the field and the request id"),
        E(Service, RdsErrorIds.RdsServiceError, NotSpecified, "any other service error"),
        E(Service, RdsErrorIds.RdsRedirectNotFollowed, ProtocolError, "the endpoint answered with a redirect (3xx); it is never followed, the message names the Location"),
        E(Service, RdsErrorIds.RdsTlsNotTrusted, SecurityError, "the endpoint's certificate is not trusted, its name does not match, or it does not speak TLS; not retried"),

        E(Jobs, RdsErrorIds.RestoreOutcomeUnknown, InvalidResult, "the restore was sent but its answer was lost (timeout, 5xx, dropped connection, unreadable answer): the job may exist; it is never resent; the cause is the inner exception"),
        E(Jobs, RdsErrorIds.RestoreJobFailed, InvalidResult, "the job ended Failed; the message carries the service's reason"),
        E(Jobs, RdsErrorIds.RestoreJobNotFound, ObjectNotFound, "the job is unknown to the service: at once for an id this machine did not submit, else after a minute's grace"),
        E(Jobs, RdsErrorIds.RestoreJobWaitTimeout, OperationTimeout, "-Timeout passed before the job finished; the restore goes on"),
        E(Jobs, RdsErrorIds.RestoreJobPollFailed, ConnectionError, "polling the job failed three times in a row"),
        E(Jobs, RdsErrorIds.RestoreTargetInstanceFailed, InvalidResult, "the job completed but the target instance ended FAILED"),
        E(Jobs, RdsErrorIds.SafetyBackupFailed, InvalidResult, "-BackupTargetFirst: the safety backup was refused, ended FAILED, vanished, could not be followed or its answer was lost; NOTHING was restored"),
        E(Jobs, RdsErrorIds.SafetyBackupTimedOut, OperationTimeout, "-BackupTargetFirst: the backup, or the target's return to ACTIVE, took longer than -BackupTimeout; NOTHING was restored, the backup goes on"),
        E(Jobs, RdsErrorIds.BackupFailed, InvalidResult, "New-RdsBackup -Wait: the backup ended FAILED or left the backup list"),
        E(Jobs, RdsErrorIds.BackupWaitTimeout, OperationTimeout, "New-RdsBackup -Wait: still BUILDING at -Timeout; the backup goes on"),
    };

    private static readonly Dictionary<string, RdsErrorEntry> ById = All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    /// <summary>The entry of an id; an id that is not catalogued is a programming error.</summary>
    public static RdsErrorEntry Get(string id) =>
        id is not null && ById.TryGetValue(id, out var entry)
            ? entry
            : throw new ArgumentException($"Error id '{id}' is not in RdsErrorCatalog: add it there (see the remarks of RdsErrorCatalog).", nameof(id));

    public static bool Contains(string id) => id is not null && ById.ContainsKey(id);

    /// <summary>The ERRORS list of about_RdsRecovery.md: a heading per group, one line per id with its category.</summary>
    public static string RenderAboutList()
    {
        var lines = new List<string>();
        foreach (var group in All.GroupBy(e => e.Group))
        {
            if (lines.Count > 0) lines.Add("");
            lines.Add(group.Key.Heading);
            lines.Add("");
            lines.AddRange(group.Select(e => $"    {e.Id.PadRight(30)} {e.Summary} ({e.Category})"));
            if (group.Key.Note is not null) lines.Add("    " + group.Key.Note);
        }
        return string.Join("\n", lines);
    }

    private static RdsErrorEntry E(RdsErrorGroup group, string id, RdsErrorCategory category, string summary) => new(id, category, summary, group);
}
