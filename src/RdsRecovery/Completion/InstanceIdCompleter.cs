using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes instance ids (matching the typed text against ids and names), with the name as tooltip.</summary>
public sealed class InstanceIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var word = CompletionText.Unquote(wordToComplete);
            return CompletionCache.Instances()
                .Where(i => i.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase) || i.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
                .Select(i => new CompletionResult(i.Id, $"{i.Name} ({i.Id})", CompletionResultType.ParameterValue,
                    $"{i.Name}: {i.Engine} {i.EngineVersion}, {i.Status}, {i.VolumeSizeGB} GB"))
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
