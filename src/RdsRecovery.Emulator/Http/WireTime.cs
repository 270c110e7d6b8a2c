namespace RdsRecovery.Emulator.Http;

/// <summary>Time formats of the wire. Everything is UTC; the service writes offsets without a colon.</summary>
// Deliberate twin of RdsRecovery.Core/Json/RdsTimestamp.cs; in step by tests/Pester/EndToEnd.Read.Tests.ps1 (times read from the emulator).
internal static class WireTime
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Like <c>2018-08-06T10:41:14+0000</c>, the form of job and backup times.</summary>
    public static string Format(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>ISO 8601 with a Z, used in data version markers.</summary>
    public static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy-mm-ddThh:mm:ss</c> followed by <c>Z</c>, <c>+hhmm</c> or <c>+hh:mm</c>; no offset is refused, never read as local.</summary>
    public static bool TryParse(string? text, out long unixMs)
    {
        unixMs = 0;
        if (string.IsNullOrWhiteSpace(text) || text!.Length < 20) return false;
        var s = text.Trim().Replace(' ', '+'); // a '+' left unencoded in a query string arrives as a space
        if (!DateTime.TryParseExact(s.Substring(0, 19), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        var rest = s.Substring(19);
        TimeSpan offset;
        if (rest == "Z") offset = TimeSpan.Zero;
        else
        {
            rest = rest.Replace(":", "");
            if (rest.Length != 5 || (rest[0] != '+' && rest[0] != '-')) return false;
            if (!int.TryParse(rest.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)) return false;
            if (!int.TryParse(rest.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
            offset = new TimeSpan(h, m, 0);
            if (rest[0] == '-') offset = -offset;
        }
        unixMs = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUnixTimeMilliseconds();
        return true;
    }
}
