using System.Management.Automation;
using RdsRecovery.Api;

namespace RdsRecovery.PowerShell;

/// <summary>
/// Error records for failures of the service or the transport. The exception itself is kept, so its HTTP status,
/// error_code, error_msg and request id are properties of $error[0].Exception as well as part of the message.
/// </summary>
internal static class ServiceErrorRecords
{
    public static ErrorRecord From(RdsException exception, object? target) =>
        new(exception, exception.ErrorId, ErrorRecords.ToCategory(RdsServiceErrors.CategoryFor(exception.Kind)),
            exception is Journal.RestoreJournalException journal ? journal.JournalPath : target);
}
