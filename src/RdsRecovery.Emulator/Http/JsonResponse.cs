using System.IO;

namespace RdsRecovery.Emulator.Http;

/// <summary>Writes JSON bodies (and the error body) the way the service does.</summary>
internal static class JsonResponse
{
    public const string RequestIdItem = "emulator.request-id";

    public static Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        return WriteBytesAsync(context, status, bytes);
    }

    public static async Task WriteBytesAsync(HttpContext context, int status, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        var body = new JsonObject
        {
            ["error_code"] = error.Code,
            ["error_msg"] = error.Message,
        };
        if (error.Gateway) body["request_id"] = RequestId(context);
        if (error.Header is { } header) context.Response.Headers[header.Name] = header.Value;
        return WriteAsync(context, error.Status, body);
    }

    public static string RequestId(HttpContext context) =>
        context.Items.TryGetValue(RequestIdItem, out var id) && id is string s ? s : "";

    public static byte[] Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) node.WriteTo(writer);
        return stream.ToArray();
    }
}
