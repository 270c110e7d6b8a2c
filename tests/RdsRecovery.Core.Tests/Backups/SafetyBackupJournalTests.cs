using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;

namespace RdsRecovery.Core.Tests.Backups;

/// <summary>
/// Issue 13: the safety backup step shares the restore's attempt id in the journal. Its lines must not make a restore
/// look sent (or unresolved) when it was never sent, and a process that ended between backup and restore must leave
/// an explanation naming the backup.
/// </summary>
public class SafetyBackupJournalTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static RestoreJournalEntry Line(RestoreJournalPhase phase, int secondsAgo, int processId, string? backupId = null, string? jobId = null) => new()
    {
        AttemptId = "a1", Phase = phase, Time = Now.AddSeconds(-secondsAgo), TargetInstanceId = "tgt", SourceInstanceId = "src",
        ProcessId = processId, Machine = Environment.MachineName, Endpoint = "http://127.0.0.1:1", ProjectId = "p",
        SafetyBackupId = backupId, JobId = jobId,
    };

    private static int DeadProcessId()
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_process_that_died_after_the_backup_left_no_restore_and_says_so()
    {
        var dead = DeadProcessId();
        var attempt = Assert.Single(RestoreAttempt.Group(new[]
        {
            Line(RestoreJournalPhase.SafetyBackupSending, 60, dead),
            Line(RestoreJournalPhase.SafetyBackupStarted, 59, dead, "bk-safety"),
            Line(RestoreJournalPhase.SafetyBackupTaken, 30, dead, "bk-safety"),
        }));
        Assert.False(attempt.IsUnresolved(Now, RestoreAttempt.SenderMayBeAlive), "no restore was sent, so none can be unresolved");
        Assert.Null(attempt.Outcome);
        Assert.True(attempt.EndedBeforeRestore(RestoreAttempt.SenderMayBeAlive));
        Assert.Equal("bk-safety", attempt.SafetyBackupId);
        var text = attempt.DescribeEndedBeforeRestore();
        Assert.Contains("was NOT sent", text);
        Assert.Contains("bk-safety", text);
        Assert.Contains("-Acknowledge a1", text);
    }

    [Fact]
    public void A_backup_step_still_running_in_a_live_process_is_not_reported()
    {
        var attempt = Assert.Single(RestoreAttempt.Group(new[]
        {
            Line(RestoreJournalPhase.SafetyBackupSending, 600, Environment.ProcessId),
            Line(RestoreJournalPhase.SafetyBackupStarted, 599, Environment.ProcessId, "bk-safety"),
        }));
        Assert.False(attempt.EndedBeforeRestore(RestoreAttempt.SenderMayBeAlive));
        Assert.False(attempt.IsUnresolved(Now, RestoreAttempt.SenderMayBeAlive));
    }

    [Fact]
    public void A_failed_backup_step_is_reported_even_while_its_process_lives()
    {
        var attempt = Assert.Single(RestoreAttempt.Group(new[]
        {
            Line(RestoreJournalPhase.SafetyBackupSending, 60, Environment.ProcessId),
            Line(RestoreJournalPhase.SafetyBackupFailed, 59, Environment.ProcessId, null),
        }));
        Assert.True(attempt.EndedBeforeRestore(RestoreAttempt.SenderMayBeAlive));
        Assert.Contains("the backup step failed", attempt.DescribeEndedBeforeRestore());
    }

    [Fact]
    public void After_the_backup_the_restore_lines_decide_as_always_and_the_submitted_job_carries_the_backup()
    {
        var lines = new[]
        {
            Line(RestoreJournalPhase.SafetyBackupSending, 60, 1),
            Line(RestoreJournalPhase.SafetyBackupTaken, 30, 1, "bk-safety"),
            Line(RestoreJournalPhase.Sending, 30, 1, "bk-safety"),
            Line(RestoreJournalPhase.Submitted, 29, 1, "bk-safety", "job-1"),
        };
        var attempt = Assert.Single(RestoreAttempt.Group(lines));
        Assert.Equal(RestoreJournalPhase.Submitted, attempt.Outcome!.Phase);
        Assert.Equal(Now.AddSeconds(-30), attempt.SentAt);
        Assert.False(attempt.IsUnresolved(Now, _ => false));
        Assert.False(attempt.EndedBeforeRestore(_ => false));
        Assert.Equal("bk-safety", attempt.Outcome.ToRestoreJob().SafetyBackupId);

        var lost = new[] { lines[0], lines[1], lines[2] };
        Assert.True(Assert.Single(RestoreAttempt.Group(lost)).IsUnresolved(Now, _ => false), "a restore sent after the backup with nothing after it is unresolved");
    }

    [Fact]
    public void Acknowledging_an_attempt_that_ended_before_its_restore_silences_it()
    {
        var failed = Line(RestoreJournalPhase.SafetyBackupFailed, 30, 1, "bk-safety");
        var lines = new[] { Line(RestoreJournalPhase.SafetyBackupSending, 60, 1), failed, failed.FollowUp(RestoreJournalPhase.Acknowledged, Now, null, "checked") };
        var attempt = Assert.Single(RestoreAttempt.Group(lines));
        Assert.False(attempt.EndedBeforeRestore(_ => false));
        Assert.False(attempt.IsUnresolved(Now, _ => false));
    }

    [Fact]
    public void The_prompt_says_a_backup_is_taken_first_and_that_the_restore_can_be_undone()
    {
        var request = RestoreRequest.ForBackup("src1", "tgt1", "bk1");
        var facts = new RestoreFacts { Target = new RdsInstance { Id = "tgt1", Name = "erp-staging" } };
        var words = RestoreConfirmation.For(request, facts, request.ToJson(), "sending", "a manual backup 'RdsRecovery-safety-20261201T030000Z' of the target is taken");
        Assert.Equal("Back up, then overwrite erp-staging (tgt1)", words.Caption);
        Assert.StartsWith("erp-staging (tgt1): FIRST a manual backup 'RdsRecovery-safety-20261201T030000Z' of the target is taken; only once it is COMPLETED,", words.Query);
        Assert.Contains("can be undone", words.Query);
        Assert.DoesNotContain("cannot be undone", words.Query);
        Assert.Contains("step 1:", words.Description);
        Assert.Contains("Step 2", words.Description);
    }
}
