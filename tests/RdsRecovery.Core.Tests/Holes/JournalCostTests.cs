using System.Text;
using RdsRecovery.Journal;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// Issue 9 point 6: reading the journal for one restore does not read the whole file: it reads from the end back to
/// the look-back, rotates, and a huge damaged line stops it instead of being read through.
/// (The cost in time is measured in bench/journal, not here.)
/// </summary>
public sealed class JournalCostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rds-journal-cost-").FullName;
    private string PathOf => Path.Combine(_folder, "journal.jsonl");
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RestoreJournalEntry Entry(int i, DateTimeOffset time) => new()
    {
        AttemptId = "a" + i, Phase = RestoreJournalPhase.Submitted, Time = time, TargetInstanceId = "tgt", JobId = "job-" + i,
        Endpoint = "http://127.0.0.1:1", ProjectId = "p", Body = "{}",
    };

    [Fact]
    public void Reading_back_to_a_time_stops_at_it_even_when_older_lines_are_unreadable()
    {
        // Older lines are garbage: had they been read, they would have thrown nothing but they would cost their size;
        // a read that stops at the look-back never reaches the unterminated 3 MB line at the start.
        File.WriteAllText(PathOf, new string('x', 3 * 1024 * 1024) + "\n");
        var journal = new RestoreJournal(PathOf);
        for (var i = 0; i < 10; i++) journal.Append(Entry(i, Now.AddDays(-3).AddMinutes(i)));
        journal.Append(Entry(10, Now.AddMinutes(-1)));

        var recent = journal.NewestFirst(Now.AddDays(-1)).ToList();

        Assert.Equal("job-10", Assert.Single(recent).JobId);
    }

    [Fact]
    public void A_huge_damaged_last_line_ends_the_reading_instead_of_being_read_through()
    {
        var journal = new RestoreJournal(PathOf);
        journal.Append(Entry(1, Now));
        File.AppendAllText(PathOf, new string('y', JournalTailReader.MaxLineBytes + 10));

        Assert.Empty(journal.Read());
    }

    [Fact]
    public void A_large_journal_is_rotated_and_both_generations_are_read()
    {
        var journal = new RestoreJournal(PathOf) { RotateBytes = 2_000 };
        for (var i = 0; i < 40; i++) journal.Append(Entry(i, Now.AddMinutes(i)));

        Assert.True(File.Exists(journal.PreviousFilePath));
        Assert.True(new FileInfo(PathOf).Length < 2_000 + 1_000);
        var read = journal.Read(Now.AddMinutes(-1)).Select(e => e.JobId).ToList();
        Assert.Equal("job-39", read[^1]);
        Assert.Equal(Enumerable.Range(40 - read.Count, read.Count).Select(i => "job-" + i), read);
        var kept = File.ReadAllLines(PathOf).Length + File.ReadAllLines(journal.PreviousFilePath).Length;
        Assert.Equal(kept, read.Count);
    }

    [Fact]
    public void A_line_torn_by_a_killed_writer_does_not_swallow_the_next_append()
    {
        var journal = new RestoreJournal(PathOf);
        journal.Append(Entry(1, Now));
        File.AppendAllText(PathOf, "{\"time\":\"2026-11-30T12:");
        journal.Append(Entry(2, Now.AddSeconds(1)));

        Assert.Equal(new[] { "job-1", "job-2" }, journal.Read().Select(e => e.JobId));
    }

    [Fact]
    public void Lines_without_a_final_newline_and_blank_lines_read_back()
    {
        File.WriteAllText(PathOf, "\n\n" + Line(1) + "\n\n" + Line(2), new UTF8Encoding(false));
        Assert.Equal(new[] { "job-1", "job-2" }, new RestoreJournal(PathOf).Read().Select(e => e.JobId));
    }

    private static string Line(int i) =>
        $"{{\"time\":\"2026-11-30T12:00:0{i}+00:00\",\"phase\":\"Submitted\",\"attemptId\":\"a{i}\",\"targetInstanceId\":\"tgt\",\"jobId\":\"job-{i}\"}}";
}
