namespace RdsRecovery.Auth;

/// <summary>
/// Percent-encoding as the API gateway canonicalises it: only A-Z a-z 0-9 - _ . ~ stay bare,
/// every other UTF-8 byte becomes %XX with upper-case hex (so a space is %20, never +).
/// </summary>
// Deliberate twin of SdkHmacSha256.Encode in RdsRecovery.Emulator/Auth; in step by SignerVectorTests.cs, SignatureVectorTests.cs (official vectors).
internal static class SigningEncoder
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(byte b) =>
        (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9')
        || b == (byte)'-' || b == (byte)'_' || b == (byte)'.' || b == (byte)'~';

    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
        return sb.ToString();
    }
}
