namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// Small files with one job (issue 12): no C# file under src/ grows past 300 lines. A file that does has more than one
/// job; split it by job (see how RdsHttp became RdsHttp, RdsHttpAttempt, RdsResponseBodies, RdsHttpLog and RdsUrls).
/// </summary>
public class SourceSizeTests
{
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_in_src_is_over_300_lines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RdsRecovery.PowerShell.sln"))) root = root.Parent;
        var src = Path.Combine(root!.FullName, "src");
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root.FullName, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.Path}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Split these files by job (at most {MaxLines} lines each):\n" + string.Join("\n", tooLong));
    }
}
