using System;
using System.Management.Automation;
using RdsRecovery.Errors;

namespace RdsRecovery.PowerShell;

/// <summary>Turns the core's refusals into PowerShell error records: the stable id, the matching category, the refused value as target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(RdsError error, Exception? innerException = null)
    {
        var record = new ErrorRecord(new RdsErrorException(error, innerException), error.Id, ToCategory(error.Category), error.TargetObject);
        if (error.ParameterName is not null)
            record.CategoryInfo.TargetName = error.ParameterName;
        return record;
    }

    // RdsErrorCategory mirrors ErrorCategory's names and numbers (a test holds them together).
    public static ErrorCategory ToCategory(RdsErrorCategory category) =>
        Enum.IsDefined(typeof(ErrorCategory), (int)category) ? (ErrorCategory)(int)category : ErrorCategory.NotSpecified;

    public static ErrorRecord Unexpected(Exception exception, object? target) =>
        From(new RdsError(RdsErrorIds.UnexpectedError, RdsErrorCategory.NotSpecified,
            $"Unexpected failure ({exception.GetType().Name}): {exception.Message}", target), exception);
}
