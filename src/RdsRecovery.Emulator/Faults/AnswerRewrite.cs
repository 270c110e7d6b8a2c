namespace RdsRecovery.Emulator.Faults;

/// <summary>
/// The <c>rewrite</c> fault: the real answer with some fields set to other JSON values or removed, so a test can
/// serve a well-formed answer of the wrong shape (a number for a string, an array for a status, no job id).
/// Field paths are dotted with [index] for arrays: <c>job.status</c>, <c>instances[0].volume.size</c>.
/// </summary>
internal static class AnswerRewrite
{
    /// <summary>The rewritten body; a body that is not a JSON object, or a path that does not resolve, is left as it is.</summary>
    public static byte[] Apply(byte[] body, JsonObject? set, IReadOnlyList<string> remove)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(body); }
        catch (JsonException) { return body; }
        if (root is not JsonObject) return body;
        foreach (var (path, value) in set ?? new JsonObject())
        {
            if (Parent(root, path, out var last) is { } parent) Assign(parent, last, value?.DeepClone());
        }
        foreach (var path in remove)
        {
            if (Parent(root, path, out var last) is JsonObject parent) parent.Remove(last);
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Splits a path into its segments; false when one is empty.</summary>
    public static bool IsValidPath(string path) => Segments(path).All(s => s.Length > 0);

    private static JsonNode? Parent(JsonNode root, string path, out string last)
    {
        var segments = Segments(path);
        last = segments[^1];
        JsonNode? node = root;
        foreach (var segment in segments.Take(segments.Length - 1))
        {
            node = node switch
            {
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                JsonObject o => o[segment],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static void Assign(JsonNode parent, string last, JsonNode? value)
    {
        if (parent is JsonObject o) o[last] = value;
        else if (parent is JsonArray a && int.TryParse(last, out var i) && i >= 0 && i < a.Count) a[i] = value;
    }

    private static string[] Segments(string path) => path.Replace("]", "").Split('.', '[');
}
