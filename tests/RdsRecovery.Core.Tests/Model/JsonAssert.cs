using System.Text.Json;

namespace RdsRecovery.Core.Tests.Model;

/// <summary>Semantic JSON equality: same values, objects compared by name whatever their order.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(Same(e.RootElement, a.RootElement), $"JSON differs.\nExpected: {expected}\nActual:   {actual}");
    }

    private static bool Same(JsonElement x, JsonElement y)
    {
        if (x.ValueKind != y.ValueKind) return false;
        switch (x.ValueKind)
        {
            case JsonValueKind.Object:
                var xs = x.EnumerateObject().ToList();
                var ys = y.EnumerateObject().ToList();
                if (xs.Count != ys.Count) return false;
                foreach (var p in xs)
                {
                    if (!y.TryGetProperty(p.Name, out var other) || !Same(p.Value, other)) return false;
                }
                return true;
            case JsonValueKind.Array:
                var xa = x.EnumerateArray().ToList();
                var ya = y.EnumerateArray().ToList();
                return xa.Count == ya.Count && xa.Zip(ya).All(t => Same(t.First, t.Second));
            case JsonValueKind.String:
                return x.GetString() == y.GetString();
            case JsonValueKind.Number:
                return x.GetRawText() == y.GetRawText();
            default:
                return true;
        }
    }
}
