namespace RdsRecovery.Errors;

/// <summary>
/// One error the module reports: a stable id (see <see cref="RdsErrorIds"/>), its category from
/// <see cref="RdsErrorCatalog"/>, a message a person can act on, the offending value and, when a failure lies
/// behind it, its cause. The module turns it into an ErrorRecord with the value as target object.
/// </summary>
/// <remarks>
/// The one way to raise an error: <c>new RdsError(RdsErrorIds.X, message, target)</c>. A cmdlet writes it
/// (WriteRdsError, or ThrowRdsError when no later input can fare better); the core returns it, or throws it:
/// <c>RdsValidationException</c> for refusals of one input (the cmdlet writes each and goes on with the next input),
/// <c>RdsException</c> for a failure that stops the command (configuration, the service). The category is never
/// chosen here: the catalogue has it.
/// </remarks>
public sealed class RdsError(string id, string message, object? targetObject = null, string? parameterName = null, Exception? cause = null)
{
    public string Id { get; } = id;
    /// <summary>The id's category in <see cref="RdsErrorCatalog"/> (an id missing there throws here).</summary>
    public RdsErrorCategory Category { get; } = RdsErrorCatalog.Get(id).Category;
    public string Message { get; } = message;
    /// <summary>The value that was refused (an id, a time, a map, an object).</summary>
    public object? TargetObject { get; } = targetObject;
    /// <summary>The cmdlet parameter (or model property) the value came from, when there is one.</summary>
    public string? ParameterName { get; } = parameterName;
    /// <summary>The failure behind this error (for example the service's answer), kept as the record's inner exception.</summary>
    public Exception? Cause { get; } = cause;

    /// <summary>The same error about another representation of the value (for example the hashtable a map was read from).</summary>
    public RdsError WithTarget(object? targetObject) => new(Id, Message, targetObject, ParameterName, Cause);

    /// <summary>The same error reported against another parameter (the one the user typed, when a value came from another).</summary>
    public RdsError WithParameterName(string? parameterName) => new(Id, Message, TargetObject, parameterName, Cause);

    public override string ToString() => $"{Id}: {Message}";
}
