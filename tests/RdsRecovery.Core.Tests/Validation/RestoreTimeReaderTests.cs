using RdsRecovery.Errors;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Validation;

public class RestoreTimeReaderTests
{
    private static readonly DateTimeOffset TenUtc = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-27T10:00:00Z")]
    [InlineData("2026-11-27T10:00:00z")]
    [InlineData("2026-11-27T10:00:00.000Z")]
    [InlineData("2026-11-27T10:00Z")]
    [InlineData("2026-11-27T18:00:00+08:00")]
    [InlineData("2026-11-27T18:00:00+0800")]
    [InlineData("2026-11-27T18:00:00+08")]
    [InlineData("2026-11-27T05:00:00-05:00")]
    [InlineData("2026-11-27 10:00:00 UTC")]
    [InlineData("2026-11-27 10:00:00 GMT")]
    [InlineData("2026-11-27 18:00:00 +08:00")]
    [InlineData("Fri, 27 Nov 2026 10:00:00 GMT")]
    [InlineData("  2026-11-27T10:00:00Z  ")]
    public void Strings_with_a_zone_are_read_as_that_instant(string text)
    {
        Assert.True(RestoreTimeReader.TryRead(text, out var value, out var error), error?.Message);
        Assert.Equal(TenUtc, value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2026-11-27T10:00:00")]
    [InlineData("2026-11-27 10:00:00")]
    [InlineData("2026-11-27")]
    [InlineData("2026-11-27T10:00")]
    [InlineData("11/27/2026 10:00:00")]
    [InlineData("27 Nov 2026 10:00")]
    [InlineData("2026-11-27T10:00:00.123")]
    public void Strings_without_a_zone_are_refused_not_read_as_local(string text)
    {
        Assert.False(RestoreTimeReader.TryRead(text, out _, out var error));
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, error!.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(text, error.TargetObject);
        Assert.Contains("+08:00", error.Message);
    }

    [Theory]
    [InlineData("not a time 10:00Z")]
    [InlineData("2026-13-45T10:00:00Z")]
    public void Strings_with_a_zone_that_are_no_date_are_InvalidRestoreTime(string text)
    {
        Assert.False(RestoreTimeReader.TryRead(text, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, error!.Id);
    }

    [Fact]
    public void A_utc_DateTime_is_accepted()
    {
        Assert.True(RestoreTimeReader.TryRead(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), out var value, out _));
        Assert.Equal(TenUtc, value);
    }

    [Fact]
    public void A_local_DateTime_is_converted_from_the_machine_zone_explicitly()
    {
        var local = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Local);
        Assert.True(RestoreTimeReader.TryRead(local, out var value, out _));
        Assert.Equal(local.ToUniversalTime(), value.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("yesterday at noon")]
    [InlineData("2026-01-01'; DROP TABLE jobs;--")]
    [InlineData("soon")]
    public void Text_that_is_no_time_at_all_is_InvalidRestoreTime_not_a_zone_problem(string raw)
    {
        Assert.False(RestoreTimeReader.TryRead(raw, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, error!.Id);
    }

    [Fact]
    public void A_DateTime_of_unspecified_kind_is_refused()
    {
        var raw = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Unspecified);
        Assert.False(RestoreTimeReader.TryRead(raw, out _, out var error));
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, error!.Id);
        Assert.Equal(raw, error.TargetObject);
        Assert.Contains("unspecified kind", error.Message);
    }

    [Fact]
    public void A_DateTimeOffset_is_taken_as_is_in_utc()
    {
        Assert.True(RestoreTimeReader.TryRead(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.FromHours(8)), out var value, out _));
        Assert.Equal(TenUtc, value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData(1532001446987L)]
    [InlineData(1L)]
    public void Integers_are_unix_milliseconds(long ms)
    {
        Assert.True(RestoreTimeReader.TryRead(ms, out var value, out _));
        Assert.Equal(ms, value.ToUnixTimeMilliseconds());
        Assert.True(RestoreTimeReader.TryRead((int)Math.Min(ms, int.MaxValue), out var fromInt, out _));
        Assert.Equal(Math.Min(ms, int.MaxValue), fromInt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Out_of_range_milliseconds_are_InvalidRestoreTime()
    {
        Assert.False(RestoreTimeReader.TryRead(long.MaxValue, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, error!.Id);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(true)]
    public void Other_types_are_InvalidRestoreTime(object raw)
    {
        Assert.False(RestoreTimeReader.TryRead(raw, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, error!.Id);
        Assert.Equal(raw, error.TargetObject);
    }

    [Fact]
    public void Null_is_InvalidRestoreTime()
    {
        Assert.False(RestoreTimeReader.TryRead(null, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, error!.Id);
    }
}
