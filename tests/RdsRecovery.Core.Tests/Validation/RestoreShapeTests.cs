using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Validation;

public class RestoreShapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly IClock Clock = new FixedClock(Now);

    private static RdsError Single(string? backup, DateTimeOffset? time)
    {
        Assert.False(RestoreRequest.TryCreate("s", "t", backup, time, null, Clock, out _, out var errors));
        return Assert.Single(errors);
    }

    [Fact]
    public void Backup_and_time_together_are_refused()
    {
        var e = Single("bk", Now.AddDays(-1));
        Assert.Equal(RdsErrorIds.BackupAndRestoreTimeBothGiven, e.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, e.Category);
        Assert.Contains("not both", e.Message);
    }

    [Fact]
    public void Neither_backup_nor_time_is_refused()
    {
        var e = Single(null, null);
        Assert.Equal(RdsErrorIds.BackupOrRestoreTimeRequired, e.Id);
        Assert.Contains("-BackupId", e.Message);
        Assert.Contains("-RestoreTime", e.Message);
    }

    [Fact]
    public void A_time_in_the_future_is_refused()
    {
        var e = Single(null, Now.AddMilliseconds(1));
        Assert.Equal(RdsErrorIds.RestoreTimeInFuture, e.Id);
        Assert.Equal(Now.AddMilliseconds(1), e.TargetObject);
        Assert.Contains("2026-11-28T00:00:00.001Z", e.Message);
    }

    [Fact]
    public void A_future_time_given_with_an_offset_is_judged_in_utc()
    {
        // 08:30 in Shanghai is 00:30 UTC: 30 minutes after "now".
        var e = Single(null, new DateTimeOffset(2026, 11, 28, 8, 30, 0, TimeSpan.FromHours(8)));
        Assert.Equal(RdsErrorIds.RestoreTimeInFuture, e.Id);
        // 07:30 in Shanghai is 23:30 UTC the day before: in the past.
        Assert.True(RestoreRequest.TryCreate("s", "t", null, new DateTimeOffset(2026, 11, 28, 7, 30, 0, TimeSpan.FromHours(8)), null, Clock, out _, out _));
    }

    [Fact]
    public void Now_itself_is_accepted()
    {
        Assert.True(RestoreRequest.TryCreate("s", "t", null, Now, null, Clock, out var r, out _));
        Assert.Equal(Now, r!.RestoreTime);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-86400000L)]
    public void Times_not_after_the_epoch_are_refused(long unixMs)
    {
        var e = Single(null, DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
        Assert.Equal(RdsErrorIds.RestoreTimeBeforeEpoch, e.Id);
        Assert.Contains("1970-01-01", e.Message);
    }

    [Fact]
    public void The_earliest_times_are_refused_too()
    {
        Assert.Equal(RdsErrorIds.RestoreTimeBeforeEpoch, Single(null, DateTimeOffset.MinValue).Id);
    }

    [Fact]
    public void One_millisecond_after_the_epoch_is_accepted()
    {
        Assert.True(RestoreRequest.TryCreate("s", "t", null, DateTimeOffset.FromUnixTimeMilliseconds(1), null, Clock, out _, out _));
    }

    [Fact]
    public void RestoreTimeRules_checks_against_the_clock_given()
    {
        var t = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.NotNull(RestoreTimeRules.Check(t, Clock));
        Assert.Null(RestoreTimeRules.Check(t, new FixedClock(t.AddSeconds(1))));
    }

    [Fact]
    public void FixedClock_keeps_its_instant_in_utc()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(TimeSpan.Zero, clock.UtcNow.Offset);
        Assert.Equal(0, clock.UtcNow.Hour);
    }

    [Fact]
    public void SystemClock_answers_in_utc()
    {
        Assert.Equal(TimeSpan.Zero, SystemClock.Instance.UtcNow.Offset);
    }
}
