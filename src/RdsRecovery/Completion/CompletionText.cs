namespace RdsRecovery.PowerShell.Completion;

internal static class CompletionText
{
    /// <summary>The typed word without the quotes a user may have opened it with.</summary>
    public static string Unquote(string? word) => (word ?? "").Trim('\'', '"');
}
