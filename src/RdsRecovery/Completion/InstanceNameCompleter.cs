namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes instance names (for Get-RdsInstance -Name), with the id and engine as tooltip.</summary>
public sealed class InstanceNameCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters) =>
        CompletionCache.Instances()
            .Where(i => i.Name.Length > 0 && Matches(i.Name, word))
            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(i => new CompletionResult(Quoted(i.Name), $"{i.Name} ({i.Id})", CompletionResultType.ParameterValue,
                $"{i.Id}: {i.Engine} {i.EngineVersion}, {i.Status}, {i.VolumeSizeGB} GB"));

    // A name may hold characters PowerShell reads as wildcards or syntax ('[', '.'): quote it unless it is plain.
    private static string Quoted(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_') ? name : "'" + name.Replace("'", "''") + "'";
}
