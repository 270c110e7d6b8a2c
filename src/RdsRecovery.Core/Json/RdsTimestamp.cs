namespace RdsRecovery.Json;

/// <summary>
/// Parses the service's timestamps: yyyy-MM-ddTHH:mm:ss[.fff] followed by Z, +hhmm, +hh:mm or +hh
/// (the service writes +0800, which the .NET 'zzz' specifier rejects). A timestamp without an offset is
/// UTC, never local time.
/// </summary>
// Deliberate twin of the emulator's Http/WireTime.cs; in step by RdsTimestampTests.cs and tests/Pester/EndToEnd.Read.Tests.ps1 (times read from the emulator).
public static class RdsTimestamp
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text!.Trim();
        if (s.Length < 19) return false;
        if (!TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
            || !TryDigits(s, 11, 2, out var hour) || s[13] != ':' || !TryDigits(s, 14, 2, out var minute) || s[16] != ':'
            || !TryDigits(s, 17, 2, out var second))
            return false;

        var i = 19;
        long ticks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && char.IsDigit(s[i]))
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
                i++;
            }
            if (i == start) return false;
        }

        TimeSpan offset;
        var rest = s.Substring(i);
        if (rest.Length == 0 || rest == "Z" || rest == "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (rest[0] == '+' || rest[0] == '-')
        {
            var sign = rest[0] == '-' ? -1 : 1;
            var body = rest.Substring(1).Replace(":", "");
            int oh, om = 0;
            if (body.Length == 2 && TryDigits(body, 0, 2, out oh)) { }
            else if (body.Length == 4 && TryDigits(body, 0, 2, out oh) && TryDigits(body, 2, 2, out om)) { }
            else return false;
            if (oh > 14 || om > 59) return false;
            offset = TimeSpan.FromMinutes(sign * (oh * 60 + om));
        }
        else
        {
            return false;
        }

        try
        {
            var dt = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
            value = new DateTimeOffset(dt, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static DateTimeOffset? ParseOrNull(string? text) => TryParse(text, out var v) ? v : null;

    /// <summary>The query-filter form the backup list takes: yyyy-MM-ddTHH:mm:ss+0000, in UTC.</summary>
    public static string FormatQuery(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var k = start; k < start + count; k++)
        {
            var c = s[k];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
