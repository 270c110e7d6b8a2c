namespace RdsRecovery.Validation;

/// <summary>A clock that always answers the same instant (kept in UTC): for tests and reproducible checks.</summary>
public sealed class FixedClock : IClock
{
    public FixedClock(DateTimeOffset utcNow) => UtcNow = utcNow.ToUniversalTime();

    public DateTimeOffset UtcNow { get; }
}
