using RdsRecovery.Journal;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>
/// Issue 9 point 2: a Sending line with nothing after it (the process was killed while sending) is an unresolved
/// restore, like a lost answer, until it is tied to its job or acknowledged.
/// </summary>
public class CrashWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static RestoreJournalEntry Line(RestoreJournalPhase phase, DateTimeOffset time, int processId, string? jobId = null) => new()
    {
        AttemptId = "a1", Phase = phase, Time = time, TargetInstanceId = "tgt", JobId = jobId, ProcessId = processId,
        Machine = Environment.MachineName, Endpoint = "http://127.0.0.1:1", ProjectId = "p",
    };

    private static int DeadProcessId()
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_send_whose_process_died_is_unresolved_at_once()
    {
        var attempt = Assert.Single(RestoreAttempt.Group(new[] { Line(RestoreJournalPhase.Sending, Now.AddSeconds(-5), DeadProcessId()) }));
        Assert.True(attempt.IsUnresolved(Now, RestoreAttempt.SenderMayBeAlive));
        Assert.Contains("nothing was recorded after it", attempt.Describe());
        Assert.Contains("tgt", attempt.Describe());
        Assert.Contains("2026-11-30 11:59:55 UTC", attempt.Describe());
        Assert.Contains("-Acknowledge a1", attempt.Describe());
    }

    [Fact]
    public void A_send_in_flight_in_a_live_process_is_not_unresolved_until_it_could_no_longer_be_in_flight()
    {
        var sending = Line(RestoreJournalPhase.Sending, Now.AddSeconds(-5), Environment.ProcessId);
        var attempt = Assert.Single(RestoreAttempt.Group(new[] { sending }));
        Assert.False(attempt.IsUnresolved(Now, RestoreAttempt.SenderMayBeAlive));
        Assert.True(attempt.IsUnresolved(Now + RestoreAttempt.LongestSend, RestoreAttempt.SenderMayBeAlive));
    }

    [Theory]
    [InlineData(RestoreJournalPhase.OutcomeUnknown, true)]
    [InlineData(RestoreJournalPhase.Submitted, false)]
    [InlineData(RestoreJournalPhase.Refused, false)]
    public void An_outcome_line_decides(RestoreJournalPhase phase, bool unresolved)
    {
        var lines = new[] { Line(RestoreJournalPhase.Sending, Now.AddMinutes(-1), 1), Line(phase, Now.AddMinutes(-1).AddSeconds(1), 1, "job-1") };
        Assert.Equal(unresolved, Assert.Single(RestoreAttempt.Group(lines)).IsUnresolved(Now, _ => false));
    }

    [Fact]
    public void Acknowledging_or_tying_resolves_it()
    {
        var sending = Line(RestoreJournalPhase.Sending, Now.AddMinutes(-10), 1);
        var acknowledged = sending.FollowUp(RestoreJournalPhase.Acknowledged, Now, null, "checked");
        var tied = sending.FollowUp(RestoreJournalPhase.Submitted, Now, "job-9", "tied");
        Assert.False(Assert.Single(RestoreAttempt.Group(new[] { sending, acknowledged })).IsUnresolved(Now, _ => false));
        var attempt = Assert.Single(RestoreAttempt.Group(new[] { tied, sending }));
        Assert.False(attempt.IsUnresolved(Now, _ => false));
        Assert.Equal("job-9", attempt.Outcome!.JobId);
    }
}
