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
        Assert.Equal(constants.Select(c => c.Value).OrderBy(v => v), RdsRuleIds.All.OrderBy(v => v));
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
