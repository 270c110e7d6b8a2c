using System;
using System.Collections.Concurrent;
using System.Threading;
using RdsRecovery.Errors;

namespace RdsRecovery.PowerShell;

/// <summary>
/// Carries a refused -RestoreTime from the argument transformation to the cmdlet body.
/// </summary>
/// <remarks>
/// A transformation that throws makes PowerShell report its own ParameterArgumentTransformationError, and the stable
/// id (RestoreTimeNotUtc) would be lost. So the transformation returns a token instead: an instant in year 1 whose
/// ticks number the refusal kept here. The cmdlet redeems the token in ProcessRecord and writes the real error record
/// for that input. A token that is somehow not redeemed is still refused: year 1 is before 1970.
/// </remarks>
internal static class RestoreTimeRefusals
{
    private static readonly DateTimeOffset Base = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ConcurrentDictionary<long, RdsError> Pending = new ConcurrentDictionary<long, RdsError>();
    private static long _counter;

    public static DateTimeOffset Issue(RdsError error)
    {
        var number = Interlocked.Increment(ref _counter);
        Pending[number] = error;
        return Base.AddTicks(number);
    }

    /// <summary>The refusal a value stands for, removed from the store; null when the value is an ordinary time.</summary>
    public static RdsError? Redeem(DateTimeOffset? value)
    {
        if (value is not { } v || v.Offset != TimeSpan.Zero || v.Year != 1) return null;
        var number = v.UtcTicks - Base.UtcTicks;
        return Pending.TryRemove(number, out var error) ? error : null;
    }
}
