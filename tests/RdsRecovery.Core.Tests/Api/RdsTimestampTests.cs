using RdsRecovery.Json;

namespace RdsRecovery.Core.Tests.Api;

public class RdsTimestampTests
{
    [Theory]
    [InlineData("2018-08-06T12:41:14+0800", 2018, 8, 6, 4, 41, 14)]
    [InlineData("2018-08-06T10:41:14+0000", 2018, 8, 6, 10, 41, 14)]
    [InlineData("2018-08-06T10:41:14Z", 2018, 8, 6, 10, 41, 14)]
    [InlineData("2018-08-06T12:41:14+08:00", 2018, 8, 6, 4, 41, 14)]
    [InlineData("2018-08-06T05:41:14-0500", 2018, 8, 6, 10, 41, 14)]
    [InlineData("2018-08-06T12:41:14+08", 2018, 8, 6, 4, 41, 14)]
    [InlineData("2018-08-06 10:41:14", 2018, 8, 6, 10, 41, 14)]
    [InlineData("2018-08-06T00:30:00+0100", 2018, 8, 5, 23, 30, 0)]
    public void Service_forms_parse_to_the_right_instant(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(RdsTimestamp.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), value.ToUniversalTime());
    }

    [Fact]
    public void Offset_is_kept_and_fractions_are_read()
    {
        Assert.True(RdsTimestamp.TryParse("2018-08-06T12:41:14.250+0800", out var v));
        Assert.Equal(TimeSpan.FromHours(8), v.Offset);
        Assert.Equal(250, v.Millisecond);
    }

    [Fact]
    public void No_offset_means_utc_not_local_time()
    {
        // The tests also run under TZ=Asia/Shanghai: a local reading would shift this by 8 hours.
        Assert.True(RdsTimestamp.TryParse("2018-08-06T10:41:14", out var v));
        Assert.Equal(TimeSpan.Zero, v.Offset);
        Assert.Equal(10, v.UtcDateTime.Hour);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2018-13-06T10:41:14Z")]
    [InlineData("2018-02-30T10:41:14Z")]
    [InlineData("2018-08-06T10:41:14+2500")]
    [InlineData("2018-08-06T10:41:14+08:0")]
    [InlineData("2018-08-06T10:41:14 UTC")]
    [InlineData("2018-08-06T10:41:14.Z")]
    public void Garbage_is_refused_without_exceptions(string? text) => Assert.False(RdsTimestamp.TryParse(text, out _));

    [Fact]
    public void Query_form_is_utc_with_plus0000()
    {
        Assert.Equal("2024-01-01T00:00:00+0000", RdsTimestamp.FormatQuery(new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8))));
    }
}
