using System;

namespace RdsRecovery.Api;

/// <summary>Base of every error the core raises on purpose; carries a stable id and a kind for error records.</summary>
public abstract class RdsException : Exception
{
    protected RdsException(string errorId, RdsErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    /// <summary>A stable id (see <see cref="RdsErrorIds"/>) to use as the ErrorRecord id.</summary>
    public string ErrorId { get; }

    public RdsErrorKind Kind { get; }
}
