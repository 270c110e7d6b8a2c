using RdsRecovery.Model;

namespace RdsRecovery.Core.Tests;

public class RestoreWindowTests
{
    [Fact]
    public void Contains_includes_both_ends_and_excludes_outside()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1532001446987);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(1532742139000);
        var window = new RdsRestoreWindow("i1", start, end);
        Assert.True(window.Contains(start));
        Assert.True(window.Contains(end));
        Assert.False(window.Contains(end.AddMilliseconds(1)));
        Assert.False(window.Contains(start.AddMilliseconds(-1)));
    }

    [Fact]
    public void Window_is_kept_in_utc_whatever_offset_it_was_given()
    {
        var start = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8));
        var window = new RdsRestoreWindow("i1", start, start.AddHours(1));
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Equal(0, window.Start.Hour);
        Assert.Equal("2026-11-28 00:00:00Z .. 2026-11-28 01:00:00Z", window.ToString());
    }
}
