using RdsRecovery.Api;
using RdsRecovery.Errors;
using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests.Api;

/// <summary>Get-RdsBackup's time range and status filtering, moved out of the cmdlet.</summary>
public class RdsBackupQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void After_later_than_Before_is_InvalidTimeRange_naming_the_parameter()
    {
        var query = new RdsBackupQuery("i1") { After = Now, Before = Now.AddHours(-1) };
        var error = query.Check("After")!;
        Assert.Equal(RdsErrorIds.InvalidTimeRange, error.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("After", error.ParameterName);
        Assert.Equal(Now, error.TargetObject);
        Assert.Null(new RdsBackupQuery("i1") { After = Now, Before = Now }.Check("After"));
        Assert.Null(new RdsBackupQuery("i1") { After = Now }.Check("After"));
    }

    [Fact]
    public void The_filter_sends_both_ends_of_a_range_or_neither()
    {
        var none = new RdsBackupQuery("i1") { Type = "Manual", BackupId = "b1" }.ToFilter(Now);
        Assert.Equal(("i1", "b1", "manual", (DateTimeOffset?)null, (DateTimeOffset?)null), (none.InstanceId, none.BackupId, none.BackupType, none.BeginTime, none.EndTime));

        var afterOnly = new RdsBackupQuery("i1") { After = Now.AddDays(-1) }.ToFilter(Now);
        Assert.Equal((Now.AddDays(-1), Now), (afterOnly.BeginTime!.Value, afterOnly.EndTime!.Value));

        var beforeOnly = new RdsBackupQuery("i1") { Before = Now.AddDays(-1) }.ToFilter(Now);
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(0), Now.AddDays(-1)), (beforeOnly.BeginTime!.Value, beforeOnly.EndTime!.Value));
    }

    [Fact]
    public void Status_is_filtered_here_in_any_case_and_the_newest_comes_first()
    {
        var listed = new[]
        {
            new RdsBackup { Id = "old", Status = "COMPLETED", BeginTime = Now.AddDays(-2) },
            new RdsBackup { Id = "failed", Status = "FAILED", BeginTime = Now },
            new RdsBackup { Id = "undated", Status = "COMPLETED" },
            new RdsBackup { Id = "new", Status = "completed", BeginTime = Now.AddDays(-1) },
        };
        Assert.Equal(new[] { "new", "old", "undated" }, new RdsBackupQuery("i1") { Status = "Completed" }.Select(listed).Select(b => b.Id));
        Assert.Equal(new[] { "failed", "new", "old", "undated" }, new RdsBackupQuery("i1").Select(listed).Select(b => b.Id));
    }
}
