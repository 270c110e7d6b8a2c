using System.Text.RegularExpressions;

namespace RdsRecovery.Validation;

/// <summary>
/// Reads a point in time from a raw value (what a user typed or piped) without ever guessing its zone.
/// Accepted: a DateTimeOffset; a DateTime of kind Utc or Local (Local is the machine's zone, stated by the kind);
/// a string with <c>Z</c>, <c>UTC</c>/<c>GMT</c> or an explicit offset; an integer, read as Unix milliseconds UTC
/// (the API's own form). Refused: a DateTime of unspecified kind and a string without a zone
/// (<see cref="RdsErrorIds.RestoreTimeNotUtc"/>), anything else (<see cref="RdsErrorIds.InvalidRestoreTime"/>).
/// </summary>
public static class RestoreTimeReader
{
    // A time of day followed by a zone at the very end: Z, UTC, GMT, or +hh, +hhmm, +hh:mm (a space may come between).
    // Anchoring on the time keeps a date-only string such as 2026-11-27 from passing its day as an offset.
    private static readonly Regex ZoneSuffix = new Regex(
        @"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] UtcWords = { "UTC", "GMT" };

    public static bool TryRead(object? raw, out DateTimeOffset value, out RdsError? error, string parameterName = "RestoreTime")
    {
        value = default;
        error = null;
        switch (raw)
        {
            case DateTimeOffset dto:
                value = dto.ToUniversalTime();
                return true;
            case DateTime dt when dt.Kind == DateTimeKind.Utc:
                value = new DateTimeOffset(dt);
                return true;
            case DateTime dt when dt.Kind == DateTimeKind.Local:
                value = new DateTimeOffset(dt).ToUniversalTime();
                return true;
            case DateTime dt:
                error = NotUtc(raw, $"The point in time {dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)} is a DateTime of unspecified kind, so its zone is unknown and it is not read as local time",
                    parameterName);
                return false;
            case string s:
                return TryReadString(s, out value, out error, parameterName);
            case long or int or short or uint or ushort or byte or sbyte:
                return TryReadUnixMilliseconds(Convert.ToInt64(raw, CultureInfo.InvariantCulture), raw, out value, out error, parameterName);
            case ulong ul when ul <= long.MaxValue:
                return TryReadUnixMilliseconds((long)ul, raw, out value, out error, parameterName);
            default:
                error = new RdsError(RdsErrorIds.InvalidRestoreTime,
                    $"A point in time cannot be read from a value of type {raw?.GetType().FullName ?? "null"}. Give a DateTimeOffset, a UTC DateTime, a string like 2026-11-27T10:00:00Z or 2026-11-27T18:00:00+08:00, or Unix milliseconds.",
                    raw, parameterName);
                return false;
        }
    }

    private static bool TryReadString(string s, out DateTimeOffset value, out RdsError? error, string parameterName)
    {
        value = default;
        error = null;
        var text = s.Trim();
        if (!ZoneSuffix.IsMatch(text))
        {
            // Text that is no time at all gets the error for that; a time that only lacks its zone gets NotUtc.
            error = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
                ? NotUtc(s, $"The point in time {DisplayText.Quote(s)} has no zone (no Z and no offset), so it is not read as local time", parameterName)
                : Unreadable(s, parameterName);
            return false;
        }
        // DateTimeOffset does not know the words UTC/GMT at the end of ISO forms: turn them into Z.
        foreach (var word in UtcWords)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(0, text.Length - word.Length).TrimEnd() + "Z";
                break;
            }
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }
        error = Unreadable(s, parameterName);
        return false;
    }

    private static RdsError Unreadable(string s, string parameterName) =>
        new RdsError(RdsErrorIds.InvalidRestoreTime,
            $"The point in time {DisplayText.Quote(s)} cannot be read as a date and time. Use ISO 8601, for example 2026-11-27T10:00:00Z or 2026-11-27T18:00:00+08:00.",
            s, parameterName);

    private static bool TryReadUnixMilliseconds(long ms, object raw, out DateTimeOffset value, out RdsError? error, string parameterName)
    {
        value = default;
        error = null;
        try
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            error = new RdsError(RdsErrorIds.InvalidRestoreTime,
                $"The number {ms.ToString(CultureInfo.InvariantCulture)} is out of range for Unix milliseconds.", raw, parameterName);
            return false;
        }
    }

    private static RdsError NotUtc(object raw, string what, string parameterName) =>
        new RdsError(RdsErrorIds.RestoreTimeNotUtc,
            what + ". State the zone: end the string with Z or an offset such as +08:00, use a DateTimeOffset, " +
            "or a DateTime of kind Utc ([DateTime]::SpecifyKind($t, 'Utc')) or Local ($t.ToLocalTime()).",
            raw, parameterName);
}
