using System.Text.RegularExpressions;

namespace RdsRecovery.Validation;

/// <summary>
/// What an instance reference given by a user can be. An id is opaque (<see cref="IdentifierRules"/>); a name follows
/// the service's naming rule: a letter first, then letters (any script), digits, '-', '_' or '.', at most 64 characters.
/// A value that is neither is refused before any request.
/// </summary>
public static class InstanceNameRules
{
    public const int MaxLength = 64;

    // The service's own id form (32 hex digits, 'in', two digits): such a value is taken as an id without a lookup.
    private static readonly Regex ServiceIdForm = new("^[0-9a-f]{32}in[0-9]{2}$", RegexOptions.CultureInvariant);

    public static bool IsValidName(string? value)
    {
        if (string.IsNullOrEmpty(value) || value!.Length > MaxLength || !char.IsLetter(value[0])) return false;
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) return false;
        }
        return true;
    }

    /// <summary>True for a value in the service's id form: resolving it as a name would cost a list read for nothing.</summary>
    public static bool IsServiceIdForm(string? value) => value is not null && ServiceIdForm.IsMatch(value);
}
