using System.Text.RegularExpressions;

namespace RdsRecovery.Validation;

/// <summary>
/// What an instance reference given by a user can be. An id is opaque (<see cref="IdentifierRules"/>); a name follows
/// the service's naming rule: 4 to 64 characters, a letter or a Chinese character first, then letters, digits, Chinese
/// characters, '-', '_' or '.'. Anything else (accented or full-width look-alikes included) is neither and is refused
/// before any request.
/// </summary>
public static class InstanceNameRules
{
    public const int MinLength = 4;
    public const int MaxLength = 64;

    // The service's own id form (32 hex digits, 'in', two digits): such a value is taken as an id without a lookup.
    private static readonly Regex ServiceIdForm = new("^[0-9a-f]{32}in[0-9]{2}$", RegexOptions.CultureInvariant);

    public static bool IsValidName(string? value)
    {
        if (value is null || value.Length < MinLength || value.Length > MaxLength || !(IsAsciiLetter(value[0]) || IsChinese(value[0]))) return false;
        foreach (var c in value)
        {
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || IsChinese(c) || c == '-' || c == '_' || c == '.')) return false;
        }
        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    // CJK Unified Ideographs: the Chinese characters the service accepts in names.
    private static bool IsChinese(char c) => c >= '\u4E00' && c <= '\u9FFF';

    /// <summary>True for a value in the service's id form: resolving it as a name would cost a list read for nothing.</summary>
    public static bool IsServiceIdForm(string? value) => value is not null && ServiceIdForm.IsMatch(value);
}
