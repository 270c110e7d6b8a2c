using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Restore;

namespace RdsRecovery.Core.Tests.Restore;

public class LatestRestoreTimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Latest_is_the_end_of_the_newest_window_whatever_the_order()
    {
        var windows = new[]
        {
            new RdsRestoreWindow("i", T0.AddDays(1), T0.AddDays(2).AddMinutes(7)),
            new RdsRestoreWindow("i", T0, T0.AddHours(20)),
        };
        Assert.Equal(T0.AddDays(2).AddMinutes(7), LatestRestoreTime.From(windows));
        Assert.Equal(T0.AddDays(2).AddMinutes(7), LatestRestoreTime.From(windows.Reverse()));
    }

    [Fact]
    public void Latest_is_truncated_to_the_millisecond_sent_and_stays_inside_the_window()
    {
        var end = T0.AddTicks(1234_5678);
        var latest = LatestRestoreTime.From(new[] { new RdsRestoreWindow("i", T0, end) })!.Value;
        Assert.Equal(T0.AddMilliseconds(1234), latest);
        Assert.True(latest <= end);
        Assert.Equal(TimeSpan.Zero, latest.Offset);
    }

    [Fact]
    public void Windows_given_in_another_offset_give_the_same_utc_instant()
    {
        var china = TimeSpan.FromHours(8);
        var window = new RdsRestoreWindow("i", T0.ToOffset(china), T0.AddHours(3).ToOffset(china));
        var latest = LatestRestoreTime.From(new[] { window })!.Value;
        Assert.Equal(TimeSpan.Zero, latest.Offset);
        Assert.Equal(T0.AddHours(3).UtcDateTime, latest.UtcDateTime);
    }

    [Fact]
    public void No_window_means_no_latest_time()
    {
        Assert.Null(LatestRestoreTime.From(Array.Empty<RdsRestoreWindow>()));
        var error = LatestRestoreTime.NoWindow("src1");
        Assert.Equal(RdsErrorIds.NoRestoreWindow, error.Id);
        Assert.Equal(RdsErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("src1", error.TargetObject);
    }

    [Theory]
    [InlineData("Latest", true)]
    [InlineData(" latest ", true)]
    [InlineData("LATEST", true)]
    [InlineData("Latest1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_word_is_matched_without_regard_to_case(string? text, bool expected) =>
        Assert.Equal(expected, LatestRestoreTime.IsWord(text));

    [Fact]
    public void Offline_and_with_a_backup_are_specific_refusals_of_the_word_given()
    {
        var offline = LatestRestoreTime.Offline("latest");
        Assert.Equal(RdsErrorIds.LatestRestoreTimeUnresolved, offline.Id);
        Assert.Equal(RdsErrorCategory.InvalidOperation, offline.Category);
        Assert.Equal("latest", offline.TargetObject);
        var both = LatestRestoreTime.WithBackup("b1", "Latest");
        Assert.Equal(RdsErrorIds.BackupAndRestoreTimeBothGiven, both.Id);
        Assert.Contains("(Latest)", both.Message);
    }
}
