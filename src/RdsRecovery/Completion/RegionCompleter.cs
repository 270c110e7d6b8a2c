namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes the regions the SDKs know, with each region's RDS endpoint as tooltip. Makes no request.</summary>
public sealed class RegionCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters) =>
        RdsEndpoints.KnownRegions
            .Where(r => Matches(r, word))
            .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, RdsEndpoints.ForRegion(r).ToString()));
}
