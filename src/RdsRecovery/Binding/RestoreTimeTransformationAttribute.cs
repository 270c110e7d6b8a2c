using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Sees -RestoreTime before PowerShell converts it, so a value without a zone is refused instead of being read as
/// local time (PowerShell's own string-to-DateTimeOffset conversion assumes the local zone). Accepted values are
/// those of <see cref="RestoreTimeReader"/> and the word Latest (any case); a refusal travels to the cmdlet inside the
/// returned <see cref="RestoreTimeArgument"/> (see <see cref="BoundArgument"/>).
/// A blank string is read as "not given", so CSV rows can leave the column they do not use empty.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RestoreTimeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Read(inputData);

    /// <summary>The reading itself, also behind <see cref="RestoreTimeArgument"/>'s own conversions.</summary>
    internal static RestoreTimeArgument? Read(object? inputData)
    {
        var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
        // A blank cell (Import-Csv gives "") means "no point in time", as an absent column does.
        if (raw is null || (raw is string text && text.Trim().Length == 0)) return null;
        if (raw is RestoreTimeArgument already) return already;
        if (raw is string word && LatestRestoreTime.IsWord(word)) return RestoreTimeArgument.Latest(word);
        return RestoreTimeReader.TryRead(raw, out var value, out var error)
            ? RestoreTimeArgument.At(value)
            : RestoreTimeArgument.Refused(error!);
    }
}
