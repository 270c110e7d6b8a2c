using RdsRecovery.Auth;

namespace RdsRecovery.Core.Tests.Auth;

/// <summary>A fake environment: variables and files in dictionaries, never the machine's.</summary>
internal sealed class TestEnvironment
{
    public Dictionary<string, string> Variables { get; } = new();
    public Dictionary<string, string> Files { get; } = new();
    public List<string> FilesRead { get; } = new();
    public string Home { get; set; } = "/home/tester";

    public RdsEnvironment Build() => new(
        name => Variables.TryGetValue(name, out var v) ? v : null,
        path => { FilesRead.Add(path); return Files.TryGetValue(path, out var t) ? t : null; },
        Home);

    public string DefaultCredentialsPath => Path.Combine(Home, ".huaweicloud", "credentials");
}
