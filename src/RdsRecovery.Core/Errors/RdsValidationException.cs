using System;
using System.Collections.Generic;
using System.Linq;

namespace RdsRecovery.Errors;

/// <summary>
/// Refusals of one input, thrown by the throwing factories and lookups; carries every refusal found, first one first.
/// The cmdlet base writes each as a non-terminating error and goes on with the next input, whereas an
/// <see cref="Api.RdsException"/> is a failure of the command itself.
/// </summary>
public sealed class RdsValidationException : Exception
{
    public RdsValidationException(IReadOnlyList<RdsError> errors)
        : base(errors.Count == 0 ? "The input was refused." : string.Join(Environment.NewLine, errors.Select(e => e.Message)))
    {
        if (errors.Count == 0) throw new ArgumentException("At least one error is needed.", nameof(errors));
        Errors = errors;
    }

    public RdsValidationException(RdsError error) : this(new[] { error }) { }

    public IReadOnlyList<RdsError> Errors { get; }

    /// <summary>The first refusal: its id is the one reported.</summary>
    public RdsError Error => Errors[0];
}
