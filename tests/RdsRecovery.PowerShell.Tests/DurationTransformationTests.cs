using System.Management.Automation;
using RdsRecovery.PowerShell.Binding;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// A bare number given to -Timeout, -PollInterval or -Within is seconds (as Wait-Job -Timeout and Start-Sleep
/// read it), never PowerShell's default of ticks (-Timeout 600 was 60 microseconds) or, for a numeric string
/// such as a CSV cell, days (TimeSpan.Parse("600") is 600 days).
/// </summary>
public class DurationTransformationTests
{
    private static readonly DurationTransformationAttribute Duration = new();

    [Theory]
    [InlineData(600, 600)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(-5, -5)]
    public void An_integer_is_seconds(int given, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Duration.Transform(null!, given));

    [Fact]
    public void Longs_doubles_and_decimals_are_seconds_too()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Duration.Transform(null!, 90L));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Duration.Transform(null!, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(250), Duration.Transform(null!, 0.25m));
        Assert.Equal(TimeSpan.FromSeconds(3), Duration.Transform(null!, PSObject.AsPSObject(3)));
    }

    [Theory]
    [InlineData("600", 600_000)]
    [InlineData(" 30 ", 30_000)]
    [InlineData("0.2", 200)]
    public void A_numeric_string_is_seconds_not_days(string given, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Duration.Transform(null!, given));

    [Theory]
    [InlineData("00:10:00")]
    [InlineData("1.02:00:00")]
    [InlineData("not a duration")]
    public void Other_strings_are_left_to_PowerShell(string given) => Assert.Same(given, Duration.Transform(null!, given));

    [Fact]
    public void A_timespan_is_kept_and_a_number_too_large_for_the_clock_is_the_longest_wait()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), Duration.Transform(null!, TimeSpan.FromMinutes(3)));
        Assert.Equal(TimeSpan.MaxValue, Duration.Transform(null!, 1e300));
        Assert.Equal(TimeSpan.MinValue, Duration.Transform(null!, -1e300));
        Assert.Equal(TimeSpan.MaxValue, Duration.Transform(null!, long.MaxValue));
    }

    [Fact]
    public void Not_a_number_is_left_to_PowerShell() => Assert.Equal(double.NaN, Duration.Transform(null!, double.NaN));
}
