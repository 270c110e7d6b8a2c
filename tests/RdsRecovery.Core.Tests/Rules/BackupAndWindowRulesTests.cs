using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class BackupAndWindowRulesTests
{
    private static RestoreFacts WithBackup(string id = "bk1", string instanceId = "src", string status = "COMPLETED") =>
        new() { Backup = new RdsBackup { Id = id, InstanceId = instanceId, Status = status }, Clock = Clock };

    private static RestoreFacts WithWindows(params RdsRestoreWindow[] windows) => new() { RestoreWindows = windows, Clock = Clock };

    [Theory]
    [InlineData("COMPLETED")]
    [InlineData("completed")]
    public void BackupCompleted_passes_a_completed_backup(string status)
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.BackupCompleted, Backup("bk1"), WithBackup(status: status)).Outcome);
    }

    [Theory]
    [InlineData("BUILDING")]
    [InlineData("FAILED")]
    [InlineData("DELETING")]
    public void BackupCompleted_fails_other_states(string status)
    {
        var r = Rule(RdsRuleIds.BackupCompleted, Backup("bk1"), WithBackup(status: status));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains(status, r.Message);
        Assert.Contains("COMPLETED", r.Message);
    }

    [Fact]
    public void BackupCompleted_is_not_checked_without_facts_about_that_backup()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupCompleted, Backup("bk1"), RestoreFacts.None).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupCompleted, Backup("bk1"), WithBackup(id: "bk2", status: "FAILED")).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupCompleted, Backup("bk1"), WithBackup(status: "")).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupCompleted, PointInTime(Now.AddHours(-1)), WithBackup(status: "FAILED")).Outcome);
    }

    [Fact]
    public void BackupBelongsToSource_passes_a_backup_of_the_source()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.BackupBelongsToSource, Backup("bk1"), WithBackup()).Outcome);
    }

    [Fact]
    public void BackupBelongsToSource_fails_a_backup_of_another_instance_and_names_it()
    {
        var r = Rule(RdsRuleIds.BackupBelongsToSource, Backup("bk1"), WithBackup(instanceId: "elsewhere"));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("elsewhere", r.Message);
        Assert.Contains("src", r.Message);
    }

    [Fact]
    public void BackupBelongsToSource_compares_ids_exactly_and_needs_the_owner()
    {
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.BackupBelongsToSource, Backup("bk1"), WithBackup(instanceId: "SRC")).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupBelongsToSource, Backup("bk1"), WithBackup(instanceId: "")).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.BackupBelongsToSource, PointInTime(Now.AddHours(-1)), WithBackup()).Outcome);
    }

    [Fact]
    public void RestoreTimeInWindow_passes_inside_a_window_including_both_ends()
    {
        var start = Now.AddDays(-2);
        var end = Now.AddDays(-1);
        var windows = WithWindows(new RdsRestoreWindow("src", start, end));
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(start), windows).Outcome);
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(end), windows).Outcome);
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(start.AddHours(5)), windows).Outcome);
    }

    [Fact]
    public void RestoreTimeInWindow_fails_outside_every_window_and_lists_them()
    {
        var windows = WithWindows(new RdsRestoreWindow("src", Now.AddDays(-3), Now.AddDays(-2)), new RdsRestoreWindow("src", Now.AddDays(-1), Now.AddHours(-1)));
        var r = Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(Now.AddDays(-1).AddMilliseconds(-1)), windows);
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("2026-11-25 00:00:00Z .. 2026-11-26 00:00:00Z", r.Message);
        Assert.Contains("2026-11-27 00:00:00Z .. 2026-11-27 23:00:00Z", r.Message);
    }

    [Fact]
    public void RestoreTimeInWindow_fails_when_the_source_has_no_window_and_ignores_other_instances_windows()
    {
        var r = Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(Now.AddHours(-5)), WithWindows(new RdsRestoreWindow("other", Now.AddDays(-1), Now)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("no restorable window", r.Message);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(Now.AddHours(-5)), WithWindows()).Outcome);
    }

    [Fact]
    public void RestoreTimeInWindow_is_not_checked_for_backups_or_without_windows()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.RestoreTimeInWindow, Backup(), WithWindows()).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.RestoreTimeInWindow, PointInTime(Now.AddHours(-5)), RestoreFacts.None).Outcome);
    }
}
