namespace RdsRecovery.Auth;

/// <summary>
/// The SDK credentials file (INI): section [basic] (or [global]) with keys ak, sk, project_id, security_token.
/// </summary>
internal sealed class CredentialsFile
{
    private readonly Dictionary<string, string> _values;

    private CredentialsFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    public string Path { get; }

    public string? this[string key] => _values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    /// <summary>The file's location: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials.</summary>
    public static string? Locate(RdsEnvironment env)
    {
        var explicitPath = env.Variable(RdsEnvironmentVariables.CredentialsFile);
        if (explicitPath is not null) return explicitPath;
        return env.HomeDirectory is null ? null : System.IO.Path.Combine(env.HomeDirectory, ".huaweicloud", "credentials");
    }

    public static CredentialsFile? Load(RdsEnvironment env)
    {
        var path = Locate(env);
        if (path is null) return null;
        string? text;
        try
        {
            text = env.ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // A file that is there but cannot be read is a mistake to report, not a reason to look no further.
            throw new RdsException(new RdsError(RdsErrorIds.CredentialsFileInvalid,
                $"The SDK credentials file {path} could not be read ({ex.GetType().Name}). Fix its permissions, or point HUAWEICLOUD_SDK_CREDENTIALS_FILE elsewhere."), ex);
        }
        return text is null ? null : Parse(path, text);
    }

    internal static CredentialsFile Parse(string path, string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string>? current = null;
        using var reader = new StringReader(text);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#' || t[0] == ';') continue;
            if (t[0] == '[' && t[t.Length - 1] == ']')
            {
                var name = t.Substring(1, t.Length - 2).Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    sections[name] = current;
                }
                continue;
            }
            var eq = t.IndexOf('=');
            if (eq <= 0 || current is null) continue;
            current[t.Substring(0, eq).Trim()] = t.Substring(eq + 1).Trim();
        }
        if (!sections.TryGetValue("basic", out var chosen) && !sections.TryGetValue("global", out chosen))
            chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new CredentialsFile(path, chosen);
    }
}
