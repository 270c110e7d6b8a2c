using System.Net.Http;
using System.Text.Json;

namespace RdsRecovery.Api;

/// <summary>
/// Reading what the service answers: a body read up to a cap (a hostile or broken endpoint cannot exhaust memory),
/// the JSON object inside it, and an error body turned into an <see cref="RdsServiceException"/> whose message is
/// redacted and shortened.
/// </summary>
internal static class RdsResponseBodies
{
    private const int MaxErrorMessageLength = 1000;

    /// <summary>The body, or TooLarge (and no bytes) once it is declared or read past <paramref name="max"/> bytes.</summary>
    public static async Task<(byte[] Bytes, bool TooLarge)> ReadCappedAsync(HttpResponseMessage response, int max, CancellationToken ct)
    {
        if (response.Content is null) return (Array.Empty<byte>(), false);
        if (response.Content.Headers.ContentLength is long declared && declared > max) return (Array.Empty<byte>(), true);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, 0, chunk.Length, ct).ConfigureAwait(false);
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max) return (Array.Empty<byte>(), true);
        }
        return (buffer.ToArray(), false);
    }

    /// <summary>An empty JSON object: the answer of a call whose answer has no fields and no body.</summary>
    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>True when the bytes are one JSON object; <paramref name="root"/> is then a detached clone.</summary>
    public static bool TryParseObject(byte[] bytes, out JsonElement root)
    {
        root = default;
        if (bytes.Length == 0) return false;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            root = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>An error answer (status 400 and up) as an exception: the service's code, message and request id when its body says them.</summary>
    public static RdsServiceException ServiceError(RdsRedactor redactor, string method, string path, int status, string? requestId,
        byte[] bytes, bool tooLarge, string? contentType)
    {
        string? code = null, message = null, detail = null;
        if (!tooLarge && TryParseObject(bytes, out var root))
        {
            var error = ErrorBody.Read(root);
            (code, message, detail) = (error.Code, error.Message, error.Problem);
            requestId ??= error.RequestId;
        }
        else
        {
            detail = tooLarge ? "the error body was too large to read" : bytes.Length == 0 ? null : $"the error body is not JSON ({contentType ?? "no content type"})";
        }
        message = redactor.Clean(message);
        if (message is not null && message.Length > MaxErrorMessageLength) message = message.Substring(0, MaxErrorMessageLength) + "...";
        return new RdsServiceException(RdsServiceErrors.Classify(status, code), method, path, status, code, message, requestId, detail);
    }
}
