namespace RdsRecovery.Emulator.Http;

/// <summary>Query parameter reading with the service's parameter error on bad values.</summary>
internal static class Query
{
    public static string? String(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>An optional value that must be one of <paramref name="allowed"/>, spelled exactly as the service spells it.</summary>
    public static string? OneOf(HttpContext context, string name, IReadOnlyCollection<string> allowed)
    {
        var value = String(context, name);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            throw ApiException.Parameter($"Parameter error: {name} '{value}' is not one of {string.Join(", ", allowed)}.");
        return value;
    }

    public static int Int(HttpContext context, string name, int defaultValue, int min, int max, bool required = false)
    {
        var text = String(context, name);
        if (text is null)
        {
            if (required) throw ApiException.Parameter($"Parameter error: '{name}' is required.");
            return defaultValue;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw ApiException.Parameter($"Parameter error: '{name}' must be a whole number from {min} to {max}, not '{text}'.");
        return value;
    }

    public static (int Offset, int Limit) Paging(HttpContext context) =>
        (Int(context, "offset", 0, 0, int.MaxValue), Int(context, "limit", 100, 1, 100));
}
