namespace RdsRecovery.Journal;

/// <summary>
/// Reads a journal file's lines from its end towards its start, so a look at the last days costs what those days
/// hold, not what the whole file holds. A line longer than <see cref="MaxLineBytes"/> (no restore writes one: it is
/// damage) ends the reading of that file, so a huge corrupt line costs at most that many bytes.
/// </summary>
internal static class JournalTailReader
{
    public const int MaxLineBytes = 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The lines, newest first (without their newline). <paramref name="cutShort"/> is set when a too-long line stopped the reading.</summary>
    public static IEnumerable<byte[]> LinesNewestFirst(string path, Action? cutShort = null)
    {
        FileStream stream;
        try
        {
            // FileShare.Delete lets the writer rotate the file while it is read.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException) when (!IsLink(path))
        {
            yield break;
        }
        catch (DirectoryNotFoundException) when (!IsLink(path))
        {
            yield break;
        }
        using (stream)
        {
            var position = stream.Length;
            // The line being assembled, as chunks newest first: joined once, when it is complete (no quadratic copying).
            var pieces = new List<byte[]>();
            var partialLength = 0;
            while (position > 0)
            {
                var count = (int)Math.Min(ChunkBytes, position);
                position -= count;
                stream.Position = position;
                var buffer = new byte[count];
                ReadExactly(stream, buffer, count);
                var end = count;
                for (var i = count - 1; i >= 0; i--)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    if (end - i - 1 + partialLength > MaxLineBytes)
                    {
                        cutShort?.Invoke();
                        yield break;
                    }
                    var line = Join(buffer, i + 1, end - i - 1, pieces, partialLength);
                    pieces.Clear();
                    partialLength = 0;
                    end = i;
                    if (line.Length > 0) yield return line;
                }
                if (end > 0)
                {
                    var piece = new byte[end];
                    Buffer.BlockCopy(buffer, 0, piece, 0, end);
                    pieces.Add(piece);
                    partialLength += end;
                }
                if (partialLength > MaxLineBytes)
                {
                    cutShort?.Invoke();
                    yield break;
                }
            }
            var first = Join(Array.Empty<byte>(), 0, 0, pieces, partialLength);
            if (first.Length > 0) yield return first;
        }
    }

    /// <summary>True for a symbolic link (dangling or looping ones included): its absence is not "no journal yet".</summary>
    internal static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>buffer[offset..offset+count) followed by the pieces that come after it in the file (newest first in the list).</summary>
    private static byte[] Join(byte[] buffer, int offset, int count, List<byte[]> after, int afterLength)
    {
        var line = new byte[count + afterLength];
        Buffer.BlockCopy(buffer, offset, line, 0, count);
        var at = count;
        for (var p = after.Count - 1; p >= 0; p--)
        {
            Buffer.BlockCopy(after[p], 0, line, at, after[p].Length);
            at += after[p].Length;
        }
        return line;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, int count)
    {
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0) throw new IOException("The journal became shorter while it was read.");
            read += n;
        }
    }
}
