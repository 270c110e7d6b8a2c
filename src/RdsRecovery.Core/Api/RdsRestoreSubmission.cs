using System;

namespace RdsRecovery.Api;

/// <summary>What the service answered to an accepted restore.</summary>
public sealed class RdsRestoreSubmission
{
    public string JobId { get; init; } = "";
    /// <summary>X-Request-Id of the accepted request.</summary>
    public string? RequestId { get; init; }
    public int HttpStatus { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>Attempts made; more than one only after 429 or a busy answer (never after an unclear outcome).</summary>
    public int Attempts { get; init; } = 1;

    public override string ToString() => JobId;
}
