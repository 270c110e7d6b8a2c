using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RdsRecovery.PowerShell.Session;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>Completes the ids of restore jobs submitted in this session, newest first. Makes no request.</summary>
public sealed class JobIdCompleter : SafeCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters) =>
        RdsSession.SubmittedJobIds
            .Where(id => Matches(id, word))
            .Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, "restore job submitted in this session"));
}
