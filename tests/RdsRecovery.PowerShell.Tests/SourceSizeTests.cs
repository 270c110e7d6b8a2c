namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// Habits of the source tree (issue 12), checked over every C# file under src/.
/// </summary>
public class SourceSizeTests
{
    private const int MaxLines = 300;

    /// <summary>
    /// Small files with one job: a file past 300 lines has more than one job; split it by job (see how RdsHttp became
    /// RdsHttp, RdsHttpAttempt, RdsResponseBodies, RdsHttpLog and RdsUrls).
    /// </summary>
    [Fact]
    public void No_source_file_in_src_is_over_300_lines()
    {
        var tooLong = SourceFiles()
            .Select(f => (f.Path, Lines: File.ReadLines(f.FullPath).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.Path}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Split these files by job (at most {MaxLines} lines each):\n" + string.Join("\n", tooLong));
    }

    /// <summary>
    /// Help is built from en-US/*.md by the in-repo converter; the XmlDoc help generators' <c>&lt;para type="…"&gt;</c>
    /// markup is read by nothing here, and a reader would take it for the help users see.
    /// </summary>
    [Fact]
    public void No_source_file_carries_help_generator_markup()
    {
        var marked = SourceFiles()
            .Where(f => File.ReadAllText(f.FullPath).Contains("<para type=", StringComparison.Ordinal))
            .Select(f => f.Path)
            .ToList();
        Assert.True(marked.Count == 0, "Write help in en-US/*.md; plain summaries here:\n" + string.Join("\n", marked));
    }

    private static IEnumerable<(string Path, string FullPath)> SourceFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RdsRecovery.PowerShell.sln"))) root = root.Parent;
        var src = Path.Combine(root!.FullName, "src");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root.FullName, f), f))
            .ToList();
    }
}
