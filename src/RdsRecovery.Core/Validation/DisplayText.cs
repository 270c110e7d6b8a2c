namespace RdsRecovery.Validation;

/// <summary>Quotes user input for messages so control or invisible characters show as escapes, not as broken output.</summary>
internal static class DisplayText
{
    private const int MaxShown = 80;

    public static string Quote(string? value)
    {
        if (value is null) return "(null)";
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        var shown = value.Length > MaxShown ? value.Substring(0, MaxShown) : value;
        foreach (var c in shown)
        {
            if (c >= ' ' && c < 0x7F) sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        if (value.Length > MaxShown) sb.Append("...");
        return sb.Append('\'').ToString();
    }
}
