namespace RdsRecovery.Validation;

/// <summary>The source of "now" for the checks that depend on it (a point in time must not be in the future).</summary>
/// <remarks>Injected so tests and runbooks can pin the time instead of racing the real clock.</remarks>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
