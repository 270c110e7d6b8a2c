using System.Reflection;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class CompatibilityReportTests
{
    [Fact]
    public void Rule_ids_equal_their_constant_names_and_are_all_evaluated_in_order()
    {
        var constants = typeof(RdsRuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (f.Name, Value: (string)f.GetValue(null)!)).ToList();
        Assert.All(constants, c => Assert.Equal(c.Name, c.Value));
        // Every constant is a rule of the instance restore or one of those only database and table restores have.
        Assert.Equal(constants.Select(c => c.Value).OrderBy(v => v), RdsRuleIds.All.Concat(RdsRuleIds.PartialOnly).OrderBy(v => v));
        Assert.Equal(RdsRuleIds.All, CompatibilityRules.EvaluatedIds);
        Assert.Equal(RdsRuleIds.All, CompatibilityRules.Evaluate(Backup()).Rules.Select(r => r.RuleId));
    }

    [Fact]
    public void Without_facts_nothing_fails()
    {
        var report = CompatibilityRules.Evaluate(Backup());
        Assert.True(report.IsCompatible);
        Assert.Empty(report.FailedRules);
        Assert.Null(report.Source);
        Assert.Null(report.Target);
        // Only the map rules (there is no map) and SourceAsTargetAllowed (the target is another instance) can pass
        // without facts; everything else waits for facts.
        Assert.Equal(RdsRuleIds.All.Count - 5, report.NotCheckedRules.Count);
    }

    [Fact]
    public void A_good_mysql_pair_is_compatible()
    {
        var report = CompatibilityRules.Evaluate(Backup(), Pair(Instance("src"), Instance("tgt", sizeGb: 200)));
        Assert.True(report.IsCompatible);
        Assert.Equal(RuleOutcome.Passed, report[RdsRuleIds.SameEngine]!.Outcome);
        Assert.Equal("src", report.Source!.Id);
        Assert.Equal("tgt", report.Target!.Id);
        Assert.Equal(Now, report.CheckedAt);
    }

    [Fact]
    public void An_incompatible_report_says_why_the_restore_was_not_sent_and_a_compatible_one_says_nothing()
    {
        var refused = CompatibilityRules.Evaluate(Backup(), Pair(Instance("src", sizeGb: 100), Instance("tgt", sizeGb: 10)));
        var message = refused.RefusalMessage()!;
        Assert.StartsWith($"The restore {refused.Request} was not sent: 1 compatibility rule(s) of rule profile Seed (API v3) failed: [TargetVolumeLargeEnough] ", message);
        Assert.Contains(refused.FailedRules[0].Message, message);
        Assert.EndsWith(SkipAdvice.Closing(refused.FailedRules), message);

        Assert.Null(CompatibilityRules.Evaluate(Backup(), Pair(Instance("src"), Instance("tgt", sizeGb: 200))).RefusalMessage());
    }

    [Fact]
    public void One_failed_rule_makes_the_pair_incompatible_and_is_named()
    {
        var report = CompatibilityRules.Evaluate(Backup(), Pair(Instance("src", sizeGb: 100), Instance("tgt", sizeGb: 10)));
        Assert.False(report.IsCompatible);
        var failed = Assert.Single(report.FailedRules);
        Assert.Equal(RdsRuleIds.TargetVolumeLargeEnough, failed.RuleId);
        Assert.Contains("NOT compatible (TargetVolumeLargeEnough)", report.ToString());
    }

    [Fact]
    public void Indexer_answers_null_for_an_unknown_rule()
    {
        Assert.Null(CompatibilityRules.Evaluate(Backup())["NoSuchRule"]);
    }

    [Fact]
    public void RuleResult_prints_id_outcome_and_message()
    {
        Assert.Equal("SameRegion: Failed: m", RuleResult.Failed("SameRegion", "m").ToString());
    }
}

public class CompatibilityReportTextTests
{
    [Theory]
    [InlineData(78)]
    [InlineData(60)]
    public void Every_line_fits_the_width_and_failures_come_first(int width)
    {
        var report = CompatibilityRules.Evaluate(Backup(), Pair(Instance("src", sizeGb: 500, name: "erp-prod"), Instance("tgt", "PostgreSQL", "14", sizeGb: 40, name: "erp-dev-small")));
        var text = CompatibilityReportText.Render(report, width);
        var lines = text.Split(Environment.NewLine);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        Assert.StartsWith("Restore backup bk1 of erp-prod (src) into erp-dev-small (tgt): NOT compatible", text.Replace(Environment.NewLine + "  ", " "));
        var outcomes = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, "^  (FAILED|Passed|NotChecked) ").Groups[1].Value).Where(o => o.Length > 0).ToList();
        Assert.Equal(report.Rules.Count, outcomes.Count);
        Assert.Equal(new[] { "FAILED", "FAILED" }, outcomes.Take(2));
        Assert.DoesNotContain("FAILED", outcomes.Skip(2));
        // Every word of every message is there, only wrapped.
        var flat = string.Join(" ", lines.Select(l => l.Trim()));
        foreach (var rule in report.Rules) Assert.Contains(rule.Message.Split(' ').Last(), flat);
    }
}
