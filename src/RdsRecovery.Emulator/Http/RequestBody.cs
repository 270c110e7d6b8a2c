using System.IO;

namespace RdsRecovery.Emulator.Http;

/// <summary>The request body, read once as exact bytes: the signature covers them and the log shows them.</summary>
internal static class RequestBody
{
    private const string Item = "emulator.body";
    public const int MaxBytes = 1 << 20;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Item, out var cached) && cached is ReadOnlyMemory<byte> bytes) return bytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new ApiException(413, ErrorCodes.ParameterError, "The request body is too large.");
            buffer.Write(chunk, 0, read);
        }
        var result = new ReadOnlyMemory<byte>(buffer.ToArray());
        context.Items[Item] = result;
        return result;
    }

    public static ReadOnlyMemory<byte> Get(HttpContext context) =>
        context.Items.TryGetValue(Item, out var cached) && cached is ReadOnlyMemory<byte> bytes ? bytes : ReadOnlyMemory<byte>.Empty;
}
