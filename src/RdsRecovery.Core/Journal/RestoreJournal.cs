using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace RdsRecovery.Journal;

/// <summary>
/// An append-only JSON-lines file of every restore this user sent, so a runbook killed while waiting can find
/// its jobs again and a rerun can see that a restore of the same target is already under way.
/// </summary>
/// <remarks>
/// Several processes may append at once (parallel runbooks): each append takes the file exclusively for the
/// few microseconds it writes one line, and retries while another process holds it.
/// </remarks>
public sealed class RestoreJournal
{
    /// <summary>Environment variable that moves the journal file, for tests and locked-down hosts.</summary>
    public const string PathVariable = "RDSRECOVERY_JOURNAL";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // FileShare does not keep two appenders apart on Linux (both may write at the same offset, and a line is lost):
    // appends in this process take turns on this lock, and processes take turns on an exclusively opened lock file
    // beside the journal. Readers need neither: they skip a line still being written.
    private static readonly object AppendLock = new();

    public RestoreJournal(string path) => FilePath = path;

    public string FilePath { get; }

    /// <summary>The journal at RDSRECOVERY_JOURNAL, else in the user's local application data folder.</summary>
    public static RestoreJournal Default()
    {
        var overridden = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return new RestoreJournal(overridden!);
        var baseFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(baseFolder)) baseFolder = Path.GetTempPath();
        return new RestoreJournal(Path.Combine(baseFolder, "RdsRecovery", "restore-journal.jsonl"));
    }

    public void Append(RestoreJournalEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, JsonOptions) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        lock (AppendLock)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var turn = new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                    return;
                }
                catch (IOException) when (attempt < 500)
                {
                    Thread.Sleep(10);
                }
            }
        }
    }

    /// <summary>Entries newest last; lines that cannot be read (a torn write, a hand edit) are skipped.</summary>
    public IReadOnlyList<RestoreJournalEntry> Read(DateTimeOffset? since = null)
    {
        var entries = new List<RestoreJournalEntry>();
        if (!File.Exists(FilePath)) return entries;
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            RestoreJournalEntry? entry;
            try { entry = JsonSerializer.Deserialize<RestoreJournalEntry>(line, JsonOptions); }
            catch (JsonException) { continue; }
            if (entry is null) continue;
            if (since is null || entry.Time >= since) entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The newest Submitted line for a job id, or null when this journal never saw that job.</summary>
    /// <remarks>
    /// Poll loops ask this once per call: the index of Submitted lines is kept per file and rebuilt only when the
    /// file has changed (its length or its last write), so an unchanged journal is read once per process.
    /// </remarks>
    public RestoreJournalEntry? FindSubmitted(string jobId)
    {
        var info = new FileInfo(FilePath);
        if (!info.Exists) return null;
        var key = info.FullName;
        if (!SubmittedIndexes.TryGetValue(key, out var index) || index.Length != info.Length || index.LastWrite != info.LastWriteTimeUtc)
        {
            var byJob = new Dictionary<string, RestoreJournalEntry>(StringComparer.Ordinal);
            foreach (var entry in Read())
                if (entry.Phase == RestoreJournalPhase.Submitted && entry.JobId is not null) byJob[entry.JobId] = entry;
            index = (info.Length, info.LastWriteTimeUtc, byJob);
            SubmittedIndexes[key] = index;
        }
        return index.ByJob.TryGetValue(jobId, out var found) ? found : null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, DateTime LastWrite, Dictionary<string, RestoreJournalEntry> ByJob)> SubmittedIndexes =
        new(StringComparer.Ordinal);
}
