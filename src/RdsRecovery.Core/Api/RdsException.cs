namespace RdsRecovery.Api;

/// <summary>
/// An <see cref="RdsError"/> thrown: the base of every error the core throws on purpose. The module turns it into an
/// error record with this exception, the error's id and its category. Subclasses add facts of their own (the HTTP
/// answer, the journal's path) or, for <see cref="RdsValidationException"/>, every refusal of one input.
/// </summary>
public class RdsException : Exception
{
    public RdsException(RdsError error, Exception? inner = null)
        : this(error, (error ?? throw new ArgumentNullException(nameof(error))).Message, inner)
    {
    }

    protected RdsException(RdsError error, string message, Exception? inner)
        : base(message, inner ?? error.Cause)
    {
        Error = error;
    }

    /// <summary>The id, category, message and target of this failure.</summary>
    public RdsError Error { get; }

    /// <summary>A stable id (see <see cref="RdsErrorIds"/>) to use as the ErrorRecord id.</summary>
    public string ErrorId => Error.Id;
}
