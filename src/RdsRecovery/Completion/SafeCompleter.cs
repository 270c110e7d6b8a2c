using System.Management.Automation.Language;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>
/// The contract every completer of the module keeps: it never throws and never prompts; on any failure it
/// offers nothing. Subclasses only say what matches the typed word (quotes already removed).
/// </summary>
public abstract class SafeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            return Complete(parameterName, (wordToComplete ?? "").Trim('\'', '"'), fakeBoundParameters).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    protected abstract IEnumerable<CompletionResult> Complete(string word, IDictionary fakeBoundParameters);

    /// <summary>For completers whose answer depends on which parameter is completed.</summary>
    protected virtual IEnumerable<CompletionResult> Complete(string parameterName, string word, IDictionary fakeBoundParameters) =>
        Complete(word, fakeBoundParameters);

    protected static bool Matches(string? value, string word) => value is not null && value.StartsWith(word, StringComparison.OrdinalIgnoreCase);
}
