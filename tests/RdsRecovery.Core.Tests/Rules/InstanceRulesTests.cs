using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class InstanceRulesTests
{
    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 200)]
    [InlineData(40, 4000)]
    public void Volume_passes_when_the_target_is_at_least_as_large(int source, int target)
    {
        var r = Rule(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Pair(Instance("src", sizeGb: source), Instance("tgt", sizeGb: target)));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Equal($"{target} GB >= {source} GB.", r.Message);
    }

    [Fact]
    public void Volume_fails_a_smaller_target_and_says_how_much_is_needed()
    {
        var r = Rule(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Pair(Instance("src", sizeGb: 100), Instance("tgt", sizeGb: 99)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("99 GB", r.Message);
        Assert.Contains("at least 100 GB", r.Message);
    }

    [Fact]
    public void Volume_of_zero_means_unknown_not_empty()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Pair(Instance("src", sizeGb: 100), Instance("tgt", sizeGb: 0))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Pair(Instance("src"), null)).Outcome);
    }

    [Theory]
    [InlineData("cn-north-4", "cn-north-4")]
    [InlineData("eu-de", "EU-DE")]
    public void Region_passes_the_same_region(string a, string b)
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.SameRegion, Backup(), Pair(Instance("src", region: a), Instance("tgt", region: b))).Outcome);
    }

    [Fact]
    public void Region_fails_a_cross_region_pair()
    {
        var r = Rule(RdsRuleIds.SameRegion, Backup(), Pair(Instance("src", region: "cn-north-4"), Instance("tgt", region: "ap-southeast-1")));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("ap-southeast-1", r.Message);
        Assert.Contains("across regions", r.Message);
    }

    [Fact]
    public void Region_is_not_checked_when_one_is_missing()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameRegion, Backup(), Pair(Instance("src", region: null), Instance("tgt"))).Outcome);
    }

    [Theory]
    [InlineData("RESTORING", "a restore is running into it")]
    [InlineData("restoring", "a restore is running into it")]
    [InlineData("BACKING UP", "needs it ACTIVE")]
    [InlineData("FROZEN", "needs it ACTIVE")]
    [InlineData("FAILED", "needs it ACTIVE")]
    public void TargetNotBusy_fails_a_target_that_is_not_active(string status, string expected)
    {
        var r = Rule(RdsRuleIds.TargetNotBusy, Backup(), Pair(Instance("src"), Instance("tgt", status: status)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains(expected, r.Message);
    }

    [Fact]
    public void TargetNotBusy_fails_when_a_job_runs_on_the_target_even_if_active()
    {
        var facts = Pair(Instance("src"), Instance("tgt"));
        var r = Rule(RdsRuleIds.TargetNotBusy, Backup(), new RestoreFacts { Source = facts.Source, Target = facts.Target, TargetHasRunningJob = true, Clock = Clock });
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("still running", r.Message);
        var noTarget = Rule(RdsRuleIds.TargetNotBusy, Backup(), new RestoreFacts { TargetHasRunningJob = true, Clock = Clock });
        Assert.Equal(RuleOutcome.Failed, noTarget.Outcome);
    }

    [Fact]
    public void TargetNotBusy_passes_an_active_target()
    {
        var withJobs = Rule(RdsRuleIds.TargetNotBusy, Backup(), new RestoreFacts { Target = Instance("tgt"), TargetHasRunningJob = false, Clock = Clock });
        Assert.Equal(RuleOutcome.Passed, withJobs.Outcome);
        Assert.Contains("no job running", withJobs.Message);
        var statusOnly = Rule(RdsRuleIds.TargetNotBusy, Backup(), Pair(null, Instance("tgt", status: "active")));
        Assert.Equal(RuleOutcome.Passed, statusOnly.Outcome);
        Assert.Contains("not looked up", statusOnly.Message);
    }

    [Fact]
    public void TargetNotBusy_is_not_checked_without_a_status()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.TargetNotBusy, Backup(), Pair(Instance("src"), Instance("tgt", status: ""))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.TargetNotBusy, Backup(), RestoreFacts.None).Outcome);
    }
}
