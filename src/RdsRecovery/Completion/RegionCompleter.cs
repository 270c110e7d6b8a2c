using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RdsRecovery.Api;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes the regions the SDKs know, with each region's RDS endpoint as tooltip. Makes no request.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var word = CompletionText.Unquote(wordToComplete);
            return RdsEndpoints.KnownRegions
                .Where(r => r.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, RdsEndpoints.ForRegion(r).ToString()))
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
