using System.Reflection;
using System.Text.RegularExpressions;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Errors;

/// <summary>
/// Keeps the one catalogue of errors true: every id constant has one entry, every entry is raised by the code,
/// no category is decided outside the catalogue, and the about topic lists exactly the catalogue.
/// </summary>
public class ErrorCatalogTests
{
    /// <summary>Set to 1 to rewrite the about topic's error list from the catalogue instead of failing.</summary>
    public const string WriteAboutVariable = "RDSRECOVERY_WRITE_ABOUT_ERRORS";

    private static readonly string[] ModuleSources = { "src/RdsRecovery.Core", "src/RdsRecovery" };

    private static IReadOnlyList<string> IdConstants() =>
        typeof(RdsErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!).ToList();

    [Fact]
    public void Every_id_constant_has_exactly_one_entry_and_every_entry_is_a_constant()
    {
        var catalogued = RdsErrorCatalog.All.Select(e => e.Id).ToList();
        Assert.Equal(catalogued.Count, catalogued.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(IdConstants().OrderBy(i => i, StringComparer.Ordinal), catalogued.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_entry_has_a_one_line_summary_and_a_category_PowerShell_knows()
    {
        Assert.All(RdsErrorCatalog.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Summary), e.Id);
            Assert.DoesNotContain('\n', e.Summary);
            Assert.True(Enum.IsDefined(e.Category), e.Id);
        });
    }

    [Fact]
    public void The_code_raises_every_catalogued_id_and_no_other()
    {
        var raised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in SourceFiles().Where(f => !IsCatalogue(f.Path)))
        {
            foreach (Match m in Regex.Matches(text, @"\bRdsErrorIds\.(\w+)")) raised.Add(m.Groups[1].Value);
            // An id spelled as a literal would dodge both the constant and this scan.
            Assert.DoesNotMatch(@"new RdsError\(\s*""", text);
        }
        var catalogued = RdsErrorCatalog.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(catalogued.Except(raised).OrderBy(i => i, StringComparer.Ordinal)); // dead ids
        Assert.Empty(raised.Except(catalogued).OrderBy(i => i, StringComparer.Ordinal)); // raised but not catalogued
    }

    [Fact]
    public void No_category_is_decided_outside_the_catalogue()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Path.Contains("/Errors/", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(f.Text, @"\b(Rds)?ErrorCategory\.\w+|new ErrorRecord\("))
            .Select(f => f.Path).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_about_topic_lists_exactly_the_catalogue()
    {
        var path = Path.Combine(RepoRoot(), "en-US", "about_RdsRecovery.md");
        var lines = File.ReadAllLines(path).ToList();
        var (start, end) = ErrorListRange(lines);
        var expected = RdsErrorCatalog.RenderAboutList().Split('\n');
        var actual = lines.GetRange(start, end - start);
        if (actual.SequenceEqual(expected)) return;
        if (Environment.GetEnvironmentVariable(WriteAboutVariable) == "1")
        {
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, expected);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            return;
        }
        var firstDifference = Enumerable.Range(0, Math.Max(actual.Count, expected.Length))
            .First(i => i >= actual.Count || i >= expected.Length || actual[i] != expected[i]);
        Assert.Fail($"en-US/about_RdsRecovery.md's error list differs from RdsErrorCatalog at its line {firstDifference + 1}:\n" +
            $"  about:     {(firstDifference < actual.Count ? actual[firstDifference] : "<end>")}\n" +
            $"  catalogue: {(firstDifference < expected.Length ? expected[firstDifference] : "<end>")}\n" +
            $"Change the catalogue, not the list, then rewrite the list: {WriteAboutVariable}=1 dotnet test tests/RdsRecovery.Core.Tests -c Release --filter FullyQualifiedName~ErrorCatalogTests");
    }

    [Fact]
    public void Every_category_the_documents_name_for_an_id_is_the_catalogue_s()
    {
        // "InvalidTimeRange (category InvalidArgument)" in a help page, "`JournalUnavailable`, category WriteError" in docs/.
        var root = RepoRoot();
        var documents = Directory.EnumerateFiles(Path.Combine(root, "en-US"), "*.md")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .Append(Path.Combine(root, "README.md"));
        var named = 0;
        foreach (var document in documents)
            foreach (Match m in Regex.Matches(File.ReadAllText(document), @"`?\b(\w+)`?,? \(?category (\w+)"))
            {
                if (!RdsErrorCatalog.Contains(m.Groups[1].Value)) continue;
                named++;
                Assert.True(RdsErrorCatalog.Get(m.Groups[1].Value).Category.ToString() == m.Groups[2].Value,
                    $"{Path.GetFileName(document)} says {m.Value}; the catalogue says {RdsErrorCatalog.Get(m.Groups[1].Value).Category}");
            }
        Assert.True(named > 0, "no document names an id's category: the pattern no longer matches how they do");
    }

    /// <summary>The list runs from after the paragraph under "## ERRORS" to the blank line before "Retries:".</summary>
    private static (int Start, int End) ErrorListRange(IReadOnlyList<string> lines)
    {
        var heading = lines.ToList().IndexOf("## ERRORS");
        Assert.True(heading >= 0, "about_RdsRecovery.md has no '## ERRORS' section");
        var start = heading + 1;
        while (start < lines.Count && lines[start].Length > 0) start++; // the paragraph that explains the ids
        start++;
        var end = start;
        while (end < lines.Count && !lines[end].StartsWith("Retries:", StringComparison.Ordinal)) end++;
        Assert.True(end < lines.Count, "about_RdsRecovery.md's ERRORS section has no 'Retries:' paragraph after the list");
        while (end > start && lines[end - 1].Length == 0) end--;
        return (start, end);
    }

    private static bool IsCatalogue(string path) =>
        path.EndsWith("Errors/RdsErrorIds.cs", StringComparison.Ordinal) || path.EndsWith("Errors/RdsErrorCatalog.cs", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var root = RepoRoot();
        foreach (var dir in ModuleSources)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
                // Comments may name ids and categories; only code raises them.
                var code = File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
                yield return (relative, string.Join("\n", code));
            }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RdsRecovery.PowerShell.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (RdsRecovery.PowerShell.sln) is not above " + AppContext.BaseDirectory);
    }
}
