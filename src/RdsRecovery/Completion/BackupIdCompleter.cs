using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes backup ids of the source instance already typed on the line (-SourceInstanceId or -InstanceId).</summary>
public sealed class BackupIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var instanceId = (fakeBoundParameters["SourceInstanceId"] ?? fakeBoundParameters["InstanceId"]) as string;
            if (string.IsNullOrWhiteSpace(instanceId)) return Array.Empty<CompletionResult>();
            var word = CompletionText.Unquote(wordToComplete);
            return CompletionCache.Backups(instanceId!)
                .Where(b => b.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase) || b.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(b => b.BeginTime ?? DateTimeOffset.MinValue)
                .Select(b => new CompletionResult(b.Id, $"{b.Name} ({b.Id})", CompletionResultType.ParameterValue,
                    $"{b.Name}: {b.Type} {b.Status}, ended {(b.EndTime is null ? "-" : b.EndTime.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + "Z")}"))
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
