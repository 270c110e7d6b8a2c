namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// A parameter value as its argument transformation read it: either the value, or the refusal of it. This is the one
/// way a refusal travels from parameter binding to processing.
/// </summary>
/// <remarks>
/// A transformation must not throw: PowerShell would report its own ParameterArgumentTransformationError (the stable
/// id lost), and a by-property-name binding that fails on an optional parameter is silently skipped (a CSV row's
/// unreadable map would become "restore every database"). So the transformation returns the refusal inside the value,
/// and the cmdlet writes it while processing that input, as the error record of the refusal's id, category and target.
/// Nothing is kept anywhere else: the refusal lives and dies with the parameter value.
/// </remarks>
public abstract class BoundArgument
{
    private protected BoundArgument(RdsError? refusal) => Refusal = refusal;

    /// <summary>Why the value given was refused; null when it was read.</summary>
    public RdsError? Refusal { get; }
}
