using System.Collections.Concurrent;
using System.Text.Json;

namespace RdsRecovery.Journal;

/// <summary>
/// An append-only JSON-lines file of every restore this user sent, so a runbook killed while waiting can find
/// its jobs again and a rerun can see that a restore of the same target is already under way.
/// </summary>
/// <remarks>
/// Several processes may append at once (parallel runbooks): appends take turns on an exclusively opened
/// <c>&lt;journal&gt;.lock</c> file. The file is rotated to <c>&lt;journal&gt;.1</c> (one generation kept) when it
/// passes <see cref="RotateBytes"/>, and read from its end, so the journal's work for one restore does not grow
/// with the journal. A path that cannot be used is a <see cref="RestoreJournalException"/>, for reads and writes.
/// </remarks>
public sealed class RestoreJournal
{
    /// <summary>Environment variable that moves the journal file, for tests and locked-down hosts.</summary>
    public const string PathVariable = "RDSRECOVERY_JOURNAL";

    /// <summary>A file larger than this is rotated before the next append (4 MiB: thousands of restores).</summary>
    public long RotateBytes { get; set; } = 4L * 1024 * 1024;

    // Appends are stamped before they take their turn, so a line may follow one a few seconds newer.
    private static readonly TimeSpan OrderSlack = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // FileShare does not keep two appenders apart on Linux: appends in this process take turns on this lock, and
    // processes take turns on the lock file.
    private static readonly object AppendLock = new();

    private static readonly ConcurrentDictionary<string, (long Length, DateTime LastWrite, Dictionary<string, RestoreJournalEntry> ByJob)> SubmittedIndexes =
        new(StringComparer.Ordinal);

    public RestoreJournal(string path) => FilePath = path;

    public string FilePath { get; }

    /// <summary>The previous generation, kept after a rotation.</summary>
    public string PreviousFilePath => FilePath + ".1";

    /// <summary>How long an append waits for another process's turn before the journal counts as unusable.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The journal at RDSRECOVERY_JOURNAL (a relative path is taken from <paramref name="baseDirectory"/>, the
    /// caller's current location), else in the user's local application data folder.
    /// </summary>
    public static RestoreJournal Default(string? baseDirectory = null)
    {
        var overridden = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            var path = overridden!.Trim();
            if (!Path.IsPathRooted(path)) path = Path.Combine(baseDirectory ?? Environment.CurrentDirectory, path);
            return new RestoreJournal(Path.GetFullPath(path));
        }
        var baseFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(baseFolder)) baseFolder = Path.GetTempPath();
        return new RestoreJournal(Path.Combine(baseFolder, "RdsRecovery", "restore-journal.jsonl"));
    }

    /// <summary>Appends one line, flushed to disk, or throws <see cref="RestoreJournalException"/>.</summary>
    public void Append(RestoreJournalEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
        lock (AppendLock)
        {
            try
            {
                RefuseUnusablePath();
                var folder = Path.GetDirectoryName(FilePath);
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                using var turn = TakeTurn();
                RotateIfLarge();
                using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
                if (EndsInsideALine()) bytes = PrefixNewline(bytes);
                var before = stream.Length;
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
                // A device (/dev/null) takes the bytes and keeps nothing: only a file that grew holds the line.
                if (new FileInfo(FilePath).Length < before + bytes.Length) throw new RestoreJournalException(FilePath, "it is not a regular file (a device keeps nothing written to it)");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new RestoreJournalException(FilePath, Cause(ex), ex);
            }
        }
    }

    /// <summary>Entries newest last, from <paramref name="since"/> on; lines that cannot be read (a torn write, a hand edit) are skipped.</summary>
    public IReadOnlyList<RestoreJournalEntry> Read(DateTimeOffset? since = null)
    {
        var entries = NewestFirst(since).ToList();
        entries.Reverse();
        return entries;
    }

    /// <summary>Entries newest first, reading back only as far as <paramref name="since"/> (and the previous generation only when needed).</summary>
    public IEnumerable<RestoreJournalEntry> NewestFirst(DateTimeOffset? since = null)
    {
        foreach (var path in new[] { FilePath, PreviousFilePath })
        {
            var reachedSince = false;
            foreach (var entry in Entries(path))
            {
                if (since is DateTimeOffset s && entry.Time < s)
                {
                    reachedSince = entry.Time < s - OrderSlack;
                    if (reachedSince) break;
                    continue;
                }
                yield return entry;
            }
            if (reachedSince) yield break;
        }
    }

    /// <summary>
    /// The job as this journal recorded its submission (source, target, backup or time, when it was sent), or a job
    /// with only its id when the journal never saw it (its <see cref="RdsRestoreJob.SubmittedAt"/> is then null).
    /// </summary>
    public RdsRestoreJob JobOrBare(string jobId) => FindSubmitted(jobId)?.ToRestoreJob() ?? new RdsRestoreJob { JobId = jobId };

    /// <summary>The newest Submitted line for a job id in the last <paramref name="within"/> (default 31 days, what the service keeps), or null.</summary>
    /// <remarks>Poll loops ask this once per call: the index is rebuilt only when the file has changed (length or last write).</remarks>
    public RestoreJournalEntry? FindSubmitted(string jobId, TimeSpan? within = null)
    {
        FileInfo info;
        try
        {
            RefuseUnusablePath();
            info = new FileInfo(FilePath);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            throw new RestoreJournalException(FilePath, Cause(ex), ex);
        }
        if (!info.Exists) return null;
        var key = info.FullName;
        if (!SubmittedIndexes.TryGetValue(key, out var index) || index.Length != info.Length || index.LastWrite != info.LastWriteTimeUtc)
        {
            var byJob = new Dictionary<string, RestoreJournalEntry>(StringComparer.Ordinal);
            foreach (var entry in NewestFirst(DateTimeOffset.UtcNow - (within ?? TimeSpan.FromDays(31))))
                if (entry.Phase == RestoreJournalPhase.Submitted && entry.JobId is not null && !byJob.ContainsKey(entry.JobId)) byJob[entry.JobId] = entry;
            index = (info.Length, info.LastWriteTimeUtc, byJob);
            SubmittedIndexes[key] = index;
        }
        return index.ByJob.TryGetValue(jobId, out var found) ? found : null;
    }

    private IEnumerable<RestoreJournalEntry> Entries(string path)
    {
        if (path == FilePath) Guard(() => { RefuseUnusablePath(); return true; });
        // Lines behind a damaged one of more than a megabyte are out of reach; the next append rotates the damage away.
        using var lines = Guard(() => JournalTailReader.LinesNewestFirst(path).GetEnumerator());
        while (Guard(lines.MoveNext))
        {
            RestoreJournalEntry? entry;
            try { entry = JsonSerializer.Deserialize<RestoreJournalEntry>(lines.Current, JsonOptions); }
            catch (JsonException) { continue; }
            if (entry is not null) yield return entry;
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileNotFoundException ex) when (JournalTailReader.IsLink(FilePath))
        {
            throw new RestoreJournalException(FilePath, DanglingLink, ex);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
        {
            throw new RestoreJournalException(FilePath, Cause(ex), ex);
        }
    }

    /// <summary>Refuses, before any write, what would be written somewhere unexpected or not at all.</summary>
    private void RefuseUnusablePath()
    {
        if (Directory.Exists(FilePath)) throw new RestoreJournalException(FilePath, "it is a directory");
        // Checked by name before the lock file is made beside it; any other device is caught after the write.
        // /dev/shm holds regular files (a memory file system), so it is not refused by name.
        var device = FilePath.StartsWith("/dev/", StringComparison.Ordinal) && !FilePath.StartsWith("/dev/shm/", StringComparison.Ordinal);
        if (device || FilePath.StartsWith(@"\\.\", StringComparison.Ordinal))
            throw new RestoreJournalException(FilePath, "it is a device, not a file");
        if (!JournalTailReader.IsLink(FilePath)) return;
        // A link is followed only to an existing file: appending through a dangling one would create a file wherever it points.
        try
        {
            using var probe = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException ex)
        {
            throw new RestoreJournalException(FilePath, DanglingLink, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new RestoreJournalException(FilePath, DanglingLink, ex);
        }
    }

    private FileStream TakeTurn()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException && ex is not DirectoryNotFoundException && !IsFull(ex))
            {
                if (waited.Elapsed >= LockWait)
                    throw new RestoreJournalException(FilePath, $"its lock file {FilePath}.lock has been held by another process for more than {LockWait.TotalSeconds:0.#} s", ex);
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>A writer killed mid-line leaves no newline: ours must start a line of its own, or both are lost.</summary>
    private bool EndsInsideALine()
    {
        using var read = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (read.Length == 0) return false;
        read.Position = read.Length - 1;
        return read.ReadByte() != '\n';
    }

    private static byte[] PrefixNewline(byte[] line)
    {
        var result = new byte[line.Length + 1];
        result[0] = (byte)'\n';
        Buffer.BlockCopy(line, 0, result, 1, line.Length);
        return result;
    }

    private void RotateIfLarge()
    {
        var info = new FileInfo(FilePath);
        if (!info.Exists || info.Length < RotateBytes) return;
        if (File.Exists(PreviousFilePath)) File.Delete(PreviousFilePath);
        File.Move(FilePath, PreviousFilePath);
    }

    private const string DanglingLink = "it is a symbolic link to a file that does not exist (a dangling link)";

    private static bool IsFull(IOException ex) => ex.Message.IndexOf("space", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string Cause(Exception ex) => ex switch
    {
        UnauthorizedAccessException => $"access is denied (a read-only folder or file, or a directory: {ex.Message})",
        FileNotFoundException or DirectoryNotFoundException => $"it cannot be reached ({ex.Message})",
        IOException when IsFull((IOException)ex) => $"the disk is full ({ex.Message})",
        IOException when ex.Message.IndexOf("symbolic links", StringComparison.OrdinalIgnoreCase) >= 0 => $"it is a looping symbolic link ({ex.Message})",
        _ => ex.Message,
    };
}
