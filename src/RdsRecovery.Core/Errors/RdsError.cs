namespace RdsRecovery.Errors;

/// <summary>
/// One refusal: a stable id (see <see cref="RdsErrorIds"/>), a category, a message a person can act on, and the
/// offending value. The module turns it into an ErrorRecord with the value as target object.
/// </summary>
public sealed class RdsError
{
    public RdsError(string id, RdsErrorCategory category, string message, object? targetObject = null, string? parameterName = null)
    {
        Id = id;
        Category = category;
        Message = message;
        TargetObject = targetObject;
        ParameterName = parameterName;
    }

    public string Id { get; }
    public RdsErrorCategory Category { get; }
    public string Message { get; }
    /// <summary>The value that was refused (an id, a time, a map, an object).</summary>
    public object? TargetObject { get; }
    /// <summary>The cmdlet parameter (or model property) the value came from, when there is one.</summary>
    public string? ParameterName { get; }

    /// <summary>The same refusal about another representation of the value (for example the hashtable a map was read from).</summary>
    public RdsError WithTarget(object? targetObject) => new RdsError(Id, Category, Message, targetObject, ParameterName);

    public override string ToString() => $"{Id}: {Message}";
}
