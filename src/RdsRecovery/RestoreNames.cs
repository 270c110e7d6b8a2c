using RdsRecovery.Model;
using RdsRecovery.Rules;

namespace RdsRecovery.PowerShell;

/// <summary>The names behind the ids of a restore, for the confirmation prompt, when the facts were looked up.</summary>
internal static class RestoreNames
{
    public static string Describe(RestoreRequest request, RestoreFacts? facts)
    {
        if (facts?.Target is null) return "";
        var text = $" [target: {facts.Target.Name}";
        if (facts.Source is not null && !request.IsRestoreToSource) text += $", source: {facts.Source.Name}";
        if (facts.Backup is not null) text += $", backup: '{facts.Backup.Name}'";
        return text + "]";
    }
}
