using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes instance ids (matching the typed text against ids and names), with the name as tooltip.</summary>
public sealed class InstanceIdCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters) =>
        CompletionCache.Instances()
            .Where(i => Matches(i.Id, word) || Matches(i.Name, word))
            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(i => new CompletionResult(i.Id, $"{i.Name} ({i.Id})", CompletionResultType.ParameterValue,
                $"{i.Name}: {i.Engine} {i.EngineVersion}, {i.Status}, {i.VolumeSizeGB} GB"));
}
