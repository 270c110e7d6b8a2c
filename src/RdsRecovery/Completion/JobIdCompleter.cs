using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RdsRecovery.PowerShell.Session;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes the ids of restore jobs submitted in this session, newest first. Makes no request.</summary>
public sealed class JobIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var word = CompletionText.Unquote(wordToComplete);
            return RdsSession.SubmittedJobIds
                .Where(id => id.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, "restore job submitted in this session"))
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
