namespace RdsRecovery.Api;

/// <summary>Removes credential values from any text that leaves the client (logs, error messages).</summary>
internal sealed class RdsRedactor
{
    public const string Mask = "***";

    private static readonly string[] SecretHeaderNames =
    {
        "authorization", "x-auth-token", "x-security-token", "x-subject-token", "proxy-authorization", "cookie", "set-cookie",
    };

    private readonly string[] _secrets;

    public RdsRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).OrderByDescending(s => s.Length).ToArray();

    public static bool IsSecretHeader(string name)
    {
        var n = name.ToLowerInvariant();
        return SecretHeaderNames.Contains(n) || n.Contains("token") || n.Contains("secret") || n.Contains("password");
    }

    public string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var result = text!;
        foreach (var s in _secrets)
        {
            if (result.IndexOf(s, StringComparison.Ordinal) >= 0) result = result.Replace(s, Mask);
        }
        return result;
    }
}
