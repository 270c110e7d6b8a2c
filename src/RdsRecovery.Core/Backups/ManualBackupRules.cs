namespace RdsRecovery.Backups;

/// <summary>
/// The grammar of a manual backup's name and description, as data in one place. Source: Huawei Cloud RDS API
/// "Creating a Manual Backup" (CreateManualBackup, support.huaweicloud.com/intl/en-us/api-rds/rds_09_0004.html,
/// updated 2026-02-04; the same text on the eu site and in the SDK model CreateManualBackupRequestBody of
/// huaweicloud-sdk-python-v3 3.1.211): the name is 4 to 64 characters, starts with a letter, and holds only
/// letters (case-sensitive), digits, '-' and '_'; it must be unique. The description holds at most 256 characters
/// and none of &gt; ! &lt; " &amp; ' =.
/// </summary>
public static class ManualBackupRules
{
    public const int NameMinLength = 4;
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 256;
    /// <summary>Characters the description must not hold.</summary>
    public const string DescriptionForbidden = ">!<\"&'=";

    /// <summary>The prefix of the safety backups Restore-RdsInstance -BackupTargetFirst takes (then the UTC time).</summary>
    public const string SafetyNamePrefix = "RdsRecovery-safety-";

    /// <summary>Why <paramref name="name"/> is not a valid backup name, or null when it is one.</summary>
    public static string? NameProblem(string? name)
    {
        if (name is null || name.Length == 0) return "it is empty";
        if (name.Length < NameMinLength || name.Length > NameMaxLength)
            return string.Format(CultureInfo.InvariantCulture, "it is {0} characters long; {1} to {2} are allowed", name.Length, NameMinLength, NameMaxLength);
        if (!IsAsciiLetter(name[0])) return $"it starts with {DisplayText.Quote(name[0].ToString())}, not a letter";
        for (var i = 0; i < name.Length; i++)
        {
            if (!IdentifierRules.IsIdChar(name[i]))
                return string.Format(CultureInfo.InvariantCulture, "character {0} ({1}) is not allowed", i + 1, DisplayText.Quote(name[i].ToString()));
        }
        return null;
    }

    /// <summary>Why <paramref name="description"/> is not valid, or null when it is (null and empty are fine).</summary>
    public static string? DescriptionProblem(string? description)
    {
        if (string.IsNullOrEmpty(description)) return null;
        if (description!.Length > DescriptionMaxLength)
            return string.Format(CultureInfo.InvariantCulture, "it is {0} characters long; at most {1} are allowed", description.Length, DescriptionMaxLength);
        var bad = description.IndexOfAny(DescriptionForbidden.ToCharArray());
        return bad < 0 ? null : $"it holds {DisplayText.Quote(description[bad].ToString())}; none of {DescriptionForbidden} is allowed";
    }

    public static RdsError? CheckName(string? name, string parameterName = "Name")
    {
        var problem = NameProblem(name);
        return problem is null ? null : new RdsError(RdsErrorIds.InvalidBackupName,
            $"The backup name {DisplayText.Quote(name)} is not valid: {problem}. A manual backup's name is {NameMinLength} to {NameMaxLength} characters, " +
            "starts with a letter, and holds only letters, digits, '-' and '_' (it must also be unique). Nothing was sent.",
            name, parameterName);
    }

    public static RdsError? CheckDescription(string? description, string parameterName = "Description")
    {
        var problem = DescriptionProblem(description);
        return problem is null ? null : new RdsError(RdsErrorIds.InvalidBackupDescription,
            $"The backup description is not valid: {problem}. Nothing was sent.", description, parameterName);
    }

    /// <summary>The name of a safety backup taken at <paramref name="utcNow"/>: RdsRecovery-safety-20261201T023000Z.</summary>
    public static string SafetyName(DateTimeOffset utcNow) =>
        SafetyNamePrefix + utcNow.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
