namespace RdsRecovery.Auth;

/// <summary>
/// Credential parts that travel in HTTP headers (access key, security token, IAM token) must be printable ASCII:
/// a CR or LF would split the header (header injection), and anything else non-printable or non-ASCII is refused
/// by the HTTP stack only after the restore was handed to it. Checked when the credential is made, so parameters,
/// environment variables and the credentials file are all covered and nothing is sent.
/// </summary>
internal static class HeaderValueCheck
{
    /// <summary>Throws InvalidCredentialCharacters naming the part and the first bad character's position (never the value).</summary>
    public static void Require(string value, string part)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c > 0x20 && c < 0x7F) continue;
            var what = c switch
            {
                '\r' => "a carriage return (CR)",
                '\n' => "a line feed (LF)",
                '\0' => "a NUL character",
                ' ' => "a space",
                _ when c < 0x20 || c == 0x7F => "a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ")",
                _ => "a non-ASCII character",
            };
            throw new RdsException(new RdsError(RdsErrorIds.InvalidCredentialCharacters,
                $"The {part} contains {what} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}; HTTP headers take printable ASCII only. "
                + "Nothing was sent. Copy the value again without line breaks or stray characters (a copy from a document or a file saved with a BOM often adds them)."));
        }
    }
}
