using RdsRecovery.Api;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>Issue 9 point 1: one retry table, in code as data, rendered in docs/reliability.md.</summary>
public class RetryDecisionTableTests
{
    [Fact]
    public void Docs_show_the_table_the_client_follows()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "reliability.md")).Replace("\r\n", "\n");
        Assert.Contains(RdsRetryDecisions.ToMarkdown(), docs);
    }

    [Fact]
    public void Every_kind_of_failed_answer_has_one_row_and_only_unsent_or_throttled_restores_are_sent_again()
    {
        Assert.Equal(Enum.GetValues<RdsFailedAnswer>().Order(), RdsRetryDecisions.Table.Select(r => r.Answer).Order());
        Assert.Equal(new[] { RdsFailedAnswer.Throttled, RdsFailedAnswer.NotSent },
            RdsRetryDecisions.Table.Where(r => r.RetryRestore).Select(r => r.Answer));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.ps1"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (build.ps1) was not found above the test binaries.");
    }
}
