using System;
using RdsRecovery.Errors;

namespace RdsRecovery.PowerShell;

/// <summary>The exception inside every error record the module writes; <see cref="Error"/> holds the id, category and target.</summary>
public sealed class RdsErrorException : Exception
{
    public RdsErrorException(RdsError error, Exception? innerException = null)
        : base(error.Message, innerException) => Error = error;

    public RdsError Error { get; }
    public string ErrorId => Error.Id;
}
