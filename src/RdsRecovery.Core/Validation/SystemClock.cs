namespace RdsRecovery.Validation;

/// <summary>The machine's clock, in UTC.</summary>
public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new SystemClock();

    private SystemClock() { }

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
