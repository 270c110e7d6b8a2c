namespace RdsRecovery.Model;

/// <summary>A time range to which an instance can be restored (both ends inclusive), in UTC.</summary>
public sealed class RdsRestoreWindow
{
    public RdsRestoreWindow() { }

    public RdsRestoreWindow(string instanceId, DateTimeOffset start, DateTimeOffset end)
    {
        InstanceId = instanceId;
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public string InstanceId { get; set; } = "";
    /// <summary>The instance's name, when the cmdlet that listed the window knew it (for the default view).</summary>
    public string? InstanceName { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }

    public bool Contains(DateTimeOffset pointInTime) => pointInTime >= Start && pointInTime <= End;

    public override string ToString() => $"{Start.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z .. {End.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
}
