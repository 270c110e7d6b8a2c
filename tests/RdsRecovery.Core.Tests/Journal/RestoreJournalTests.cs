using RdsRecovery.Journal;

namespace RdsRecovery.Core.Tests.Journal;

public sealed class RestoreJournalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rds-journal-" + Guid.NewGuid().ToString("N"));
    private string FilePath => Path.Combine(_folder, "nested", "journal.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static RestoreJournalEntry Entry(string attempt, RestoreJournalPhase phase, DateTimeOffset time, string? jobId = null) => new()
    {
        AttemptId = attempt,
        Phase = phase,
        Time = time,
        SourceInstanceId = "src",
        TargetInstanceId = "tgt",
        BackupId = "bk",
        Body = "{\"source\":{\"instance_id\":\"src\"}}",
        JobId = jobId,
    };

    [Fact]
    public void Appended_entries_read_back_in_order_with_their_fields()
    {
        var journal = new RestoreJournal(FilePath);
        var t0 = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        journal.Append(Entry("a1", RestoreJournalPhase.Sending, t0));
        journal.Append(Entry("a1", RestoreJournalPhase.Submitted, t0.AddSeconds(1), "job-1"));

        var entries = journal.Read();

        Assert.Equal(2, entries.Count);
        Assert.Equal(RestoreJournalPhase.Sending, entries[0].Phase);
        Assert.Equal("job-1", entries[1].JobId);
        Assert.Equal(t0.AddSeconds(1), entries[1].Time);
        Assert.Equal("{\"source\":{\"instance_id\":\"src\"}}", entries[1].Body);
    }

    [Fact]
    public void Phases_are_written_as_words_so_people_can_read_the_file()
    {
        var journal = new RestoreJournal(FilePath);
        journal.Append(Entry("a1", RestoreJournalPhase.OutcomeUnknown, DateTimeOffset.UtcNow));
        Assert.Contains("\"phase\":\"OutcomeUnknown\"", File.ReadAllText(FilePath));
    }

    [Fact]
    public void Since_filters_older_entries()
    {
        var journal = new RestoreJournal(FilePath);
        var t0 = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        journal.Append(Entry("old", RestoreJournalPhase.Submitted, t0, "job-old"));
        journal.Append(Entry("new", RestoreJournalPhase.Submitted, t0.AddHours(2), "job-new"));

        var recent = journal.Read(since: t0.AddHours(1));

        Assert.Equal("job-new", Assert.Single(recent).JobId);
    }

    [Fact]
    public void A_torn_or_foreign_line_is_skipped_not_fatal()
    {
        var journal = new RestoreJournal(FilePath);
        journal.Append(Entry("a1", RestoreJournalPhase.Submitted, DateTimeOffset.UtcNow, "job-1"));
        File.AppendAllText(FilePath, "{\"time\":\"2026-11-28T01:\n");
        journal.Append(Entry("a2", RestoreJournalPhase.Submitted, DateTimeOffset.UtcNow, "job-2"));

        Assert.Equal(new[] { "job-1", "job-2" }, journal.Read().Select(e => e.JobId));
    }

    [Fact]
    public void A_missing_file_reads_as_empty()
    {
        Assert.Empty(new RestoreJournal(FilePath).Read());
    }

    [Fact]
    public void Parallel_appends_from_many_threads_lose_no_line()
    {
        var journal = new RestoreJournal(FilePath);
        Parallel.For(0, 200, i => journal.Append(Entry("a" + i, RestoreJournalPhase.Submitted, DateTimeOffset.UtcNow, "job-" + i)));

        var jobs = journal.Read().Select(e => e.JobId).ToHashSet();

        Assert.Equal(200, jobs.Count);
    }

    [Fact]
    public void The_environment_variable_moves_the_default_journal()
    {
        var saved = Environment.GetEnvironmentVariable(RestoreJournal.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RestoreJournal.PathVariable, FilePath);
            Assert.Equal(FilePath, RestoreJournal.Default().FilePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RestoreJournal.PathVariable, saved);
        }
    }

    [Fact]
    public void FindSubmitted_sees_lines_appended_after_an_earlier_lookup()
    {
        var journal = new RestoreJournal(FilePath);
        journal.Append(Entry("a1", RestoreJournalPhase.Submitted, DateTimeOffset.UtcNow, "job-1"));
        Assert.Equal("job-1", journal.FindSubmitted("job-1")!.JobId);
        Assert.Null(journal.FindSubmitted("job-2"));

        journal.Append(Entry("a2", RestoreJournalPhase.Sending, DateTimeOffset.UtcNow));
        journal.Append(Entry("a2", RestoreJournalPhase.Submitted, DateTimeOffset.UtcNow, "job-2"));

        Assert.Equal("a2", journal.FindSubmitted("job-2")!.AttemptId);
        Assert.Null(new RestoreJournal(FilePath + ".missing").FindSubmitted("job-1"));
    }
}
