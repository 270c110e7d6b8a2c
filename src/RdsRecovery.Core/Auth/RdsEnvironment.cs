namespace RdsRecovery.Auth;

/// <summary>
/// Where settings come from besides explicit values: environment variables, files and the home folder.
/// Injectable so tests never read the real environment.
/// </summary>
public sealed class RdsEnvironment
{
    public RdsEnvironment(Func<string, string?> getVariable, Func<string, string?> readFile, string? homeDirectory)
    {
        GetVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
        ReadFile = readFile ?? throw new ArgumentNullException(nameof(readFile));
        HomeDirectory = homeDirectory;
    }

    /// <summary>The process environment and file system.</summary>
    public static RdsEnvironment System { get; } = new(
        Environment.GetEnvironmentVariable,
        path => File.Exists(path) ? File.ReadAllText(path) : null,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Returns a variable's value, or null when unset.</summary>
    public Func<string, string?> GetVariable { get; }

    /// <summary>Returns a file's text, or null when the file does not exist.</summary>
    public Func<string, string?> ReadFile { get; }

    public string? HomeDirectory { get; }

    internal string? Variable(string name)
    {
        var value = GetVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
