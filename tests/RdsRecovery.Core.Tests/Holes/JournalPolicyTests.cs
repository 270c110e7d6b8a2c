using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Core.Tests.Restore;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// Issue 9 point 6: one policy for every journal path that cannot be used: one clear error naming the path and
/// the fix, and no restore sent (reads fail the same way, instead of seeing an empty journal).
/// </summary>
public sealed class JournalPolicyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rds-journal-policy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> UnusablePaths() => OperatingSystem.IsWindows()
        ? new() { "directory", "lock held" }
        : new() { "directory", "dangling link", "dangling link into an existing folder", "looping link", "device", "full device", "read-only file system", "lock held" };

    /// <summary>Makes the case and returns the journal (and what holds a lock, to dispose).</summary>
    private (RestoreJournal Journal, IDisposable? Holder) Arrange(string kind)
    {
        var path = Path.Combine(_folder, "journal.jsonl");
        IDisposable? holder = null;
        switch (kind)
        {
            case "directory": Directory.CreateDirectory(path); break;
            case "dangling link": File.CreateSymbolicLink(path, Path.Combine(_folder, "no-such-folder", "x.jsonl")); break;
            case "dangling link into an existing folder": File.CreateSymbolicLink(path, Path.Combine(_folder, "elsewhere.jsonl")); break;
            case "looping link":
                File.CreateSymbolicLink(path, Path.Combine(_folder, "loop-b"));
                File.CreateSymbolicLink(Path.Combine(_folder, "loop-b"), path);
                break;
            case "device": path = "/dev/null"; break;
            case "full device": path = "/dev/full"; break;
            case "read-only file system": path = "/proc/rdsrecovery-journal-" + Guid.NewGuid().ToString("N") + "/journal.jsonl"; break;
            case "lock held": holder = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); break;
        }
        return (new RestoreJournal(path) { LockWait = TimeSpan.FromMilliseconds(200) }, holder);
    }

    [Theory]
    [MemberData(nameof(UnusablePaths))]
    public async Task No_restore_is_sent_that_cannot_be_journalled(string kind)
    {
        var (journal, holder) = Arrange(kind);
        using var _ = holder;
        var service = new FakeRdsService();
        var (client, handler, _) = TestConnections.Client(service.Respond);

        var ex = await Assert.ThrowsAsync<RestoreJournalException>(() => new RestoreSubmitter(client, journal)
            .SubmitAsync(RestoreRequest.ForBackup(FakeRdsService.SourceId, FakeRdsService.TargetId, "bk1"), CancellationToken.None));

        Assert.Equal(RdsErrorIds.JournalUnavailable, ex.ErrorId);
        Assert.Equal(journal.FilePath, ex.JournalPath);
        Assert.Contains(journal.FilePath, ex.Message);
        Assert.Contains("No restore is sent that cannot be recorded", ex.Message);
        Assert.Contains(RestoreJournal.PathVariable, ex.Message);
        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST");
        Assert.False(File.Exists(Path.Combine(_folder, "elsewhere.jsonl")), "a dangling link was followed and its target created");
    }

    // /dev/shm is a memory file system of regular files (tests put their journals there to spare the disk flushes).
    [Fact]
    public async Task A_regular_file_under_dev_shm_is_a_journal()
    {
        if (!Directory.Exists("/dev/shm")) return;
        var path = Path.Combine("/dev/shm", "rds-journal-test-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var journal = new RestoreJournal(path);
            var (client, _, _) = TestConnections.Client(new FakeRdsService().Respond);
            await new RestoreSubmitter(client, journal).SubmitAsync(RestoreRequest.ForBackup(FakeRdsService.SourceId, FakeRdsService.TargetId, "bk1"), CancellationToken.None);
            Assert.Equal(RestoreJournalPhase.Submitted, journal.Read()[^1].Phase);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".lock");
        }
    }

    [Theory]
    [InlineData("directory")]
    [InlineData("dangling link")]
    [InlineData("looping link")]
    public void Reading_an_unusable_journal_is_the_same_error_not_an_empty_journal(string kind)
    {
        if (OperatingSystem.IsWindows() && kind != "directory") return;
        var (journal, _) = Arrange(kind);

        var ex = Assert.Throws<RestoreJournalException>(() => journal.Read());

        Assert.Contains(journal.FilePath, ex.Message);
        Assert.Throws<RestoreJournalException>(() => journal.FindSubmitted("job-1"));
    }

    [Fact]
    public void A_relative_journal_path_is_taken_from_the_given_location_not_the_process_folder()
    {
        var saved = Environment.GetEnvironmentVariable(RestoreJournal.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RestoreJournal.PathVariable, Path.Combine("runbooks", "journal.jsonl"));
            Assert.Equal(Path.Combine(_folder, "runbooks", "journal.jsonl"), RestoreJournal.Default(_folder).FilePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RestoreJournal.PathVariable, saved);
        }
    }
}
