using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes backup ids of the source instance already typed on the line (-SourceInstanceId or -InstanceId).</summary>
public sealed class BackupIdCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters)
    {
        var instanceId = (fakeBoundParameters["SourceInstanceId"] ?? fakeBoundParameters["InstanceId"]) as string;
        if (string.IsNullOrWhiteSpace(instanceId)) return Array.Empty<CompletionResult>();
        return CompletionCache.Backups(instanceId!)
            .Where(b => Matches(b.Id, word) || Matches(b.Name, word))
            .OrderByDescending(b => b.BeginTime ?? DateTimeOffset.MinValue)
            .Select(b => new CompletionResult(b.Id, $"{b.Name} ({b.Id})", CompletionResultType.ParameterValue,
                $"{b.Name}: {b.Type} {b.Status}, ended {(b.EndTime is null ? "-" : b.EndTime.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + "Z")}"));
    }
}
