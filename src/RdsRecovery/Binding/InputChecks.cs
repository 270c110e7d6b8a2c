namespace RdsRecovery.PowerShell.Binding;

/// <summary>Identifier checks shared by the reading cmdlets: a malformed id is refused before any request.</summary>
internal static class InputChecks
{
    public static bool IsValidBackupId(Cmdlet cmdlet, string? id, string parameterName) =>
        Report(cmdlet, IdentifierRules.CheckBackupId(id, parameterName));

    public static bool IsValidJobId(Cmdlet cmdlet, string? id, string parameterName)
    {
        if (IdentifierRules.IsValid(id)) return true;
        cmdlet.WriteError(ErrorRecords.From(new RdsError(RdsErrorIds.InvalidJobId,
            $"{DisplayText.Quote(id)} is not a job id: ids are 1 to {IdentifierRules.MaxLength} characters of letters, digits, '-' and '_'. Nothing was sent.",
            id, parameterName)));
        return false;
    }

    public static void WriteInstanceNotFound(Cmdlet cmdlet, string id) =>
        cmdlet.WriteError(ErrorRecords.From(new RdsError(RdsErrorIds.InstanceNotFound,
            $"Instance {id} does not exist in this project and region.", id, "InstanceId")));

    private static bool Report(Cmdlet cmdlet, RdsError? error)
    {
        if (error is null) return true;
        cmdlet.WriteError(ErrorRecords.From(error));
        return false;
    }
}
