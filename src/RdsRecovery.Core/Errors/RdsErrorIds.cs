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
}
