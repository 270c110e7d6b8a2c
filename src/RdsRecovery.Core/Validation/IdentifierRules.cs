namespace RdsRecovery.Validation;

/// <summary>
/// The grammar of the service's opaque identifiers (instances, backups, jobs): 1 to 64 characters of
/// [A-Za-z0-9_-]. No per-engine format is assumed, so <c>bk04</c> or <c>my-job</c> pass; anything that could
/// change the meaning of a URL or a log line (slashes, dots, percent signs, blanks, control or non-ASCII
/// characters) is refused before any request is built.
/// </summary>
public static class IdentifierRules
{
    public const int MaxLength = 64;

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>Why <paramref name="value"/> is not an identifier, or null when it is one.</summary>
    internal static string? Problem(string? value)
    {
        if (value is null) return "it is missing";
        if (value.Length == 0) return "it is empty";
        if (value.Trim().Length == 0) return "it is blank";
        if (value.Length > MaxLength)
            return string.Format(CultureInfo.InvariantCulture, "it is {0} characters long; at most {1} are allowed", value.Length, MaxLength);
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsIdChar(value[i]))
                return string.Format(CultureInfo.InvariantCulture, "character {0} ({1}) is not allowed", i + 1, DisplayText.Quote(value[i].ToString()));
        }
        return null;
    }

    internal static bool IsIdChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

    /// <summary>Checks an instance id; <paramref name="role"/> is "source" or "target".</summary>
    internal static RdsError? CheckInstanceId(string? value, string role, string parameterName)
    {
        var problem = Problem(value);
        if (problem is null) return null;
        var hint = role == "target" && string.IsNullOrWhiteSpace(value)
            ? " The target is never defaulted: to restore into the current instance, give the source id as the target too."
            : "";
        return new RdsError(RdsErrorIds.InvalidInstanceId,
            $"The {role} instance id {DisplayText.Quote(value)} is not valid: {problem}. Instance ids are 1 to {MaxLength} characters of A-Z, a-z, 0-9, '_' and '-'.{hint}",
            value, parameterName);
    }

    internal static RdsError? CheckBackupId(string? value, string parameterName)
    {
        var problem = Problem(value);
        if (problem is null) return null;
        return new RdsError(RdsErrorIds.InvalidBackupId,
            $"The backup id {DisplayText.Quote(value)} is not valid: {problem}. Backup ids are 1 to {MaxLength} characters of A-Z, a-z, 0-9, '_' and '-'; list them with the backups of the source instance.",
            value, parameterName);
    }
}
