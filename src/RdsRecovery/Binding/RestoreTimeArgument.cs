using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// -RestoreTime as <see cref="RestoreTimeTransformationAttribute"/> read it: a UTC point in time, the word Latest
/// (the end of the source's newest restorable window, resolved when the request is built), or a refusal (see
/// <see cref="BoundArgument"/>).
/// </summary>
public sealed class RestoreTimeArgument : BoundArgument
{
    private RestoreTimeArgument(DateTimeOffset? time, string? latestAsGiven, RdsError? refusal) : base(refusal)
    {
        Time = time;
        LatestAsGiven = latestAsGiven;
    }

    /// <summary>The point in time given, in UTC; null for Latest and for a refusal.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>True for Latest: the time is known only once the source's restorable windows are read.</summary>
    public bool IsLatest => LatestAsGiven is not null;

    /// <summary>The word as the user wrote it ("latest", "Latest "), the target of a refusal about it.</summary>
    internal string? LatestAsGiven { get; }

    public static RestoreTimeArgument At(DateTimeOffset time) => new(time.ToUniversalTime(), null, null);

    public static RestoreTimeArgument Latest(string asGiven = LatestRestoreTime.Word) => new(null, asGiven, null);

    internal static RestoreTimeArgument Refused(RdsError refusal) => new(null, null, refusal);

    // PowerShell's own conversions to this type, for where the transformation attribute does not run: a Pester Mock of
    // Restore-RdsInstance copies the parameter's type but not its transformation, and a user's mocked runbook test
    // passes a string or a date. They read the value exactly as the transformation does.

    /// <summary>Reads text as -RestoreTime does (a UTC time, an offset, or Latest); null when blank.</summary>
    public static RestoreTimeArgument? Parse(string text) => RestoreTimeTransformationAttribute.Read(text);

    /// <summary>Reads a value as -RestoreTime does.</summary>
    public static RestoreTimeArgument? FromValue(object? value) => RestoreTimeTransformationAttribute.Read(value);

    public static implicit operator RestoreTimeArgument?(DateTimeOffset time) => FromValue(time);

    public static implicit operator RestoreTimeArgument?(DateTime time) => FromValue(time);

    /// <summary>
    /// Equal to the same point in time, given as a RestoreTimeArgument or a DateTimeOffset, so a mocked test's
    /// parameter filter can write $RestoreTime -eq [DateTimeOffset]'2026-11-27T08:00:00Z'; Latest equals Latest.
    /// </summary>
    public override bool Equals(object? obj) => obj switch
    {
        DateTimeOffset time => Refusal is null && Time == time,
        RestoreTimeArgument other => Refusal is null && other.Refusal is null && IsLatest == other.IsLatest && Time == other.Time,
        _ => false,
    };

    public override int GetHashCode() => Time?.GetHashCode() ?? (IsLatest ? 1 : 0);

    public override string ToString() =>
        IsLatest ? LatestRestoreTime.Word : Time is { } time ? RestoreTimeRules.Format(time) : $"(refused: {Refusal?.Id})";
}
