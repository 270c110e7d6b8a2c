using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RdsRecovery.Json;

/// <summary>Lenient readers over JsonElement: a missing or oddly typed field gives null, never an exception.</summary>
internal static class JsonRead
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name)
    {
        var v = e.Prop(name);
        if (v is null) return null;
        return v.Value.ValueKind switch
        {
            JsonValueKind.String => v.Value.GetString(),
            JsonValueKind.Number => v.Value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static long? Long(this JsonElement e, string name)
    {
        var v = e.Prop(name);
        if (v is null) return null;
        if (v.Value.ValueKind == JsonValueKind.Number)
        {
            if (v.Value.TryGetInt64(out var l)) return l;
            if (v.Value.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue) return (long)d;
            return null;
        }
        if (v.Value.ValueKind == JsonValueKind.String &&
            long.TryParse(v.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
        return null;
    }

    public static int? Int(this JsonElement e, string name)
    {
        var l = e.Long(name);
        return l is long v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;
    }

    public static DateTimeOffset? Time(this JsonElement e, string name) => RdsTimestamp.ParseOrNull(e.Str(name));

    public static DateTimeOffset? UnixMs(this JsonElement e, string name)
    {
        var ms = e.Long(name);
        if (ms is null) return null;
        try { return DateTimeOffset.FromUnixTimeMilliseconds(ms.Value); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name)
    {
        var v = e.Prop(name);
        if (v is null || v.Value.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in v.Value.EnumerateArray()) yield return item;
    }
}
