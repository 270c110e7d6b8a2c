namespace RdsRecovery.PowerShell;

/// <summary>
/// The one place the module turns errors into PowerShell error records: the stable id, the category of
/// RdsErrorCatalog, the offending value as target. A cmdlet builds an <see cref="RdsError"/> and writes it
/// (RdsCmdlet.WriteRdsError / ThrowRdsError); what the core throws arrives here as an <see cref="RdsException"/>.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>A record for an error found here: its exception is an RdsException carrying it (the cause inside).</summary>
    public static ErrorRecord From(RdsError error) => From(new RdsException(error), null);

    /// <summary>
    /// A record for a thrown error. The exception itself is kept, so a service failure's HTTP status, error_code,
    /// error_msg and request id are properties of $error[0].Exception as well as part of the message.
    /// </summary>
    public static ErrorRecord From(RdsException exception, object? target)
    {
        var error = exception.Error;
        var record = new ErrorRecord(exception, error.Id, ToCategory(error.Category), error.TargetObject ?? target);
        if (error.ParameterName is not null)
            record.CategoryInfo.TargetName = error.ParameterName;
        return record;
    }

    /// <summary>
    /// The non-terminating records for a thrown error: one per refusal of an <see cref="RdsValidationException"/>
    /// (each with its own target), else one that keeps the exception.
    /// </summary>
    public static IEnumerable<ErrorRecord> Each(RdsException exception, object? target) =>
        exception is RdsValidationException refused ? refused.Errors.Select(From) : new[] { From(exception, target) };

    // RdsErrorCategory mirrors ErrorCategory's names and numbers (a test holds them together).
    public static ErrorCategory ToCategory(RdsErrorCategory category) =>
        Enum.IsDefined(typeof(ErrorCategory), (int)category) ? (ErrorCategory)(int)category : ErrorCategory.NotSpecified;

    public static ErrorRecord Unexpected(Exception exception, object? target) =>
        From(new RdsError(RdsErrorIds.UnexpectedError, $"Unexpected failure ({exception.GetType().Name}): {exception.Message}", target, cause: exception));
}
