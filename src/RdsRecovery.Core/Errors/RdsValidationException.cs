namespace RdsRecovery.Errors;

/// <summary>
/// Refusals of one input, thrown by the throwing factories and lookups; carries every refusal found, first one first.
/// The cmdlet base writes each as a non-terminating error of its own and goes on with the next input.
/// </summary>
public sealed class RdsValidationException : RdsException
{
    public RdsValidationException(IReadOnlyList<RdsError> errors)
        : base(First(errors), string.Join(Environment.NewLine, errors.Select(e => e.Message)), null)
    {
        Errors = errors;
    }

    public RdsValidationException(RdsError error) : this(new[] { error }) { }

    /// <summary>Every refusal found; <see cref="RdsException.Error"/> is the first, and its id is the one reported first.</summary>
    public IReadOnlyList<RdsError> Errors { get; }

    private static RdsError First(IReadOnlyList<RdsError> errors) =>
        errors is { Count: > 0 } ? errors[0] : throw new ArgumentException("At least one error is needed.", nameof(errors));
}
