namespace RdsRecovery.PowerShell.Completion;

/// <summary>
/// Completes instance ids (matching the typed text against ids and names), with the name as tooltip. For
/// -TargetInstanceId with a source already on the line, instances of the source's engine come first: the
/// others cannot take its data.
/// </summary>
public sealed class InstanceIdCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters) =>
        Complete("", word, fakeBoundParameters);

    protected override IEnumerable<CompletionResult> Complete(string parameterName, string word, IDictionary fakeBoundParameters)
    {
        var instances = CompletionCache.Instances();
        var engine = string.Equals(parameterName, "TargetInstanceId", StringComparison.OrdinalIgnoreCase)
            ? EngineOf(instances, fakeBoundParameters["SourceInstanceId"] as string)
            : null;
        return instances
            .Where(i => Matches(i.Id, word) || Matches(i.Name, word))
            .OrderBy(i => engine is null || string.Equals(i.Engine, engine, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(i => new CompletionResult(i.Id, $"{i.Name} ({i.Id})", CompletionResultType.ParameterValue,
                $"{i.Name}: {i.Engine} {i.EngineVersion}, {i.Status}, {i.VolumeSizeGB} GB"));
    }

    /// <summary>The engine of the source on the line, found by id or exact name in the cached list.</summary>
    private static string? EngineOf(IReadOnlyList<RdsInstance> instances, string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return null;
        var match = instances.FirstOrDefault(i => string.Equals(i.Id, source, StringComparison.OrdinalIgnoreCase))
            ?? instances.FirstOrDefault(i => string.Equals(i.Name, source, StringComparison.Ordinal));
        return match?.Engine;
    }
}
