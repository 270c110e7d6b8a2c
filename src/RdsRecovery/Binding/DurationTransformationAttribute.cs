namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Reads a bare number given to a duration parameter (-Timeout, -PollInterval, -Within) as seconds, as Wait-Job
/// -Timeout and Start-Sleep do. PowerShell's own conversion reads an integer as ticks (-Timeout 600 would be
/// 60 microseconds) and a numeric string, such as a CSV cell, as days (TimeSpan.Parse("600") is 600 days).
/// A TimeSpan and any other string ('00:10:00', '1.02:00:00') are left to PowerShell's conversion.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
        double? seconds = raw switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            double d => d,
            float f => f,
            decimal m => (double)m,
            string text when double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (seconds is not { } value || double.IsNaN(value)) return inputData;
        // Past what the clock holds, the longest wait: the waiter reads TimeSpan.MaxValue as "no deadline".
        var ticks = Math.Round(value * TimeSpan.TicksPerSecond);
        if (ticks >= long.MaxValue) return TimeSpan.MaxValue;
        if (ticks <= long.MinValue) return TimeSpan.MinValue;
        return TimeSpan.FromTicks((long)ticks);
    }
}
