using System;
using RdsRecovery.Errors;

namespace RdsRecovery.Api;

/// <summary>
/// An <see cref="RdsError"/> thrown: what the core throws on purpose when it cannot go on (configuration that cannot
/// work, a service failure). The module turns it into an error record with this exception, the error's id and its
/// category. Subclasses add facts of their own (the HTTP answer, the journal's path); refusals of input that are
/// collected rather than thrown travel as <see cref="RdsValidationException"/>.
/// </summary>
public class RdsException : Exception
{
    public RdsException(RdsError error, Exception? inner = null)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, inner ?? error.Cause)
    {
        Error = error;
    }

    /// <summary>The id, category, message and target of this failure.</summary>
    public RdsError Error { get; }

    /// <summary>A stable id (see <see cref="RdsErrorIds"/>) to use as the ErrorRecord id.</summary>
    public string ErrorId => Error.Id;
}
