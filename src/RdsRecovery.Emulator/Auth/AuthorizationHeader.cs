using System.Diagnostics.CodeAnalysis;

namespace RdsRecovery.Emulator.Auth;

/// <summary>The parts of <c>SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex</c>.</summary>
internal sealed record AuthorizationHeader(string AccessKey, string[] SignedHeaders, string Signature)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out AuthorizationHeader? header)
    {
        header = null;
        if (value is null || !value.StartsWith(SdkHmacSha256.Algorithm + " ", StringComparison.Ordinal)) return false;
        string? access = null, signed = null, signature = null;
        foreach (var part in value.Substring(SdkHmacSha256.Algorithm.Length + 1).Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) return false;
            var key = part.Substring(0, eq).Trim();
            var val = part.Substring(eq + 1).Trim();
            switch (key)
            {
                case "Access": access = val; break;
                case "SignedHeaders": signed = val; break;
                case "Signature": signature = val; break;
                default: return false;
            }
        }
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(signed) || string.IsNullOrEmpty(signature)) return false;
        header = new AuthorizationHeader(access, signed.Split(';'), signature);
        return true;
    }
}
