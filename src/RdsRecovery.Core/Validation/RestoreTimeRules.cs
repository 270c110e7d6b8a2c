namespace RdsRecovery.Validation;

/// <summary>The range a point in time must fall in: after the Unix epoch and not later than now.</summary>
public static class RestoreTimeRules
{
    public static readonly DateTimeOffset Epoch = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The refusal for <paramref name="restoreTime"/>, or null when it is acceptable.</summary>
    public static RdsError? Check(DateTimeOffset restoreTime, IClock clock, string parameterName = "RestoreTime")
    {
        if (clock is null) throw new ArgumentNullException(nameof(clock));
        var utc = restoreTime.ToUniversalTime();
        if (utc.ToUnixTimeMilliseconds() <= 0)
        {
            return new RdsError(RdsErrorIds.RestoreTimeBeforeEpoch,
                $"The point in time {Format(utc)} is not after 1970-01-01T00:00:00Z. Give a time inside one of the source's restorable windows.",
                restoreTime, parameterName);
        }
        var now = clock.UtcNow.ToUniversalTime();
        if (utc > now)
        {
            return new RdsError(RdsErrorIds.RestoreTimeInFuture,
                $"The point in time {Format(utc)} is in the future (now is {Format(now)}). Give a time that has passed; with a local time, check its offset.",
                restoreTime, parameterName);
        }
        return null;
    }

    /// <summary>ISO 8601 in UTC with milliseconds, the form every message uses.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
