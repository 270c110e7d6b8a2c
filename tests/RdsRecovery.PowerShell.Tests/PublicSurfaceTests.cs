using System.Management.Automation;
using System.Reflection;
using System.Text;
using RdsRecovery.Errors;
using RdsRecovery.PowerShell.Commands;
using RdsRecovery.Rules;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// Freezes what runbooks depend on: every exported cmdlet, its parameters (type, sets, mandatory, position,
/// pipeline binding, aliases), its output types, and every error and rule id. A change to any of them shows up
/// here as a diff against <c>tests/PublicSurface.txt</c>; a deliberate change regenerates that file with
/// <see cref="RegenerateCommand"/> and the diff goes into the commit for review.
/// </summary>
public class PublicSurfaceTests
{
    private const string SnapshotName = "tests/PublicSurface.txt";
    private const string UpdateVariable = "RDSRECOVERY_UPDATE_SURFACE";

    /// <summary>The one-line command that rewrites the snapshot from the code (tests/README.md says the same).</summary>
    public const string RegenerateCommand =
        "RDSRECOVERY_UPDATE_SURFACE=1 dotnet test tests/RdsRecovery.PowerShell.Tests -c Release --filter FullyQualifiedName~PublicSurface";

    [Fact]
    public void The_public_surface_matches_the_checked_in_snapshot()
    {
        var snapshotPath = Path.Combine(RepoRoot(), SnapshotName);
        var actual = Describe();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(snapshotPath, actual);
            return;
        }

        var expected = File.Exists(snapshotPath) ? File.ReadAllText(snapshotPath).Replace("\r\n", "\n") : "";
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var message = new StringBuilder()
            .AppendLine($"The public surface differs from {SnapshotName}. Runbooks depend on it (their catch blocks name error ids,")
            .AppendLine("their scripts name parameters). If the change is deliberate, regenerate the snapshot and commit the diff:")
            .AppendLine("    " + RegenerateCommand);
        foreach (var line in expectedLines.Except(actualLines)) message.AppendLine("  - " + line);
        foreach (var line in actualLines.Except(expectedLines)) message.AppendLine("  + " + line);
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void The_snapshot_names_exactly_the_cmdlets_the_manifest_exports()
    {
        // The manifest decides what users see; a cmdlet class that is not exported is not surface, and an
        // exported name without a class would fail at import.
        var manifest = File.ReadAllText(Path.Combine(RepoRoot(), "RdsRecovery.psd1"));
        var exportBlock = manifest[manifest.IndexOf("CmdletsToExport", StringComparison.Ordinal)..];
        exportBlock = exportBlock[..exportBlock.IndexOf(')', StringComparison.Ordinal)];
        var exported = exportBlock.Split('\'').Where((_, i) => i % 2 == 1).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(exported, CmdletTypes().Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>The surface as sorted, readable lines: one block per cmdlet, then the ids.</summary>
    internal static string Describe()
    {
        var lines = new List<string>();
        using var host = new PowerShellHost();
        foreach (var (name, type) in CmdletTypes().OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var info = (CmdletInfo)host.Run($"Get-Command -Name '{name}' -CommandType Cmdlet").Output.Single()!;
            lines.AddRange(DescribeCmdlet(info, type));
        }
        lines.AddRange(Constants(typeof(RdsErrorIds)).Select(id => "error id " + id));
        lines.AddRange(Constants(typeof(RdsRuleIds)).Select(id => "rule id " + id));
        return string.Join("\n", lines) + "\n";
    }

    private static IEnumerable<string> DescribeCmdlet(CmdletInfo info, Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        var header = $"{info.Name}: default set {attribute.DefaultParameterSetName ?? "(none)"}";
        if (attribute.SupportsShouldProcess) header += $", ShouldProcess (ConfirmImpact {attribute.ConfirmImpact})";
        yield return header;

        foreach (var output in info.OutputType.Select(o => o.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal))
            yield return $"{info.Name}: output {output}";

        var common = new HashSet<string>(Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters));
        var rows = new List<string>();
        foreach (var parameter in info.Parameters.Values.Where(p => !common.Contains(p.Name)))
        {
            var aliases = parameter.Aliases.Count == 0 ? "" : " aliases " + string.Join(",", parameter.Aliases.OrderBy(a => a, StringComparer.Ordinal));
            foreach (var (setName, set) in parameter.ParameterSets.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var traits = new List<string>();
                if (set.IsMandatory) traits.Add("mandatory");
                if (set.Position != int.MinValue) traits.Add("position " + set.Position);
                if (set.ValueFromPipeline) traits.Add("pipeline");
                if (set.ValueFromPipelineByPropertyName) traits.Add("pipeline by property name");
                if (set.ValueFromRemainingArguments) traits.Add("remaining arguments");
                var traitText = traits.Count == 0 ? "" : " " + string.Join(", ", traits);
                rows.Add($"{info.Name}: -{parameter.Name} [{TypeName(parameter.ParameterType)}] in {setName}{traitText}{aliases}");
            }
        }
        foreach (var row in rows.OrderBy(r => r, StringComparer.Ordinal)) yield return row;
    }

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(TypeName))}>"
        : type.FullName ?? type.Name;

    private static Dictionary<string, Type> CmdletTypes() => typeof(RestoreRdsInstanceCommand).Assembly.GetTypes()
        .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
        .Where(c => c.Attribute is not null)
        .ToDictionary(c => $"{c.Attribute!.VerbName}-{c.Attribute.NounName}", c => c.Type);

    private static IEnumerable<string> Constants(Type holder) => holder
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(id => id, StringComparer.Ordinal);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RdsRecovery.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (RdsRecovery.PowerShell.sln) was not found above " + AppContext.BaseDirectory);
    }
}
