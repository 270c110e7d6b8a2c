using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

/// <summary>
/// A refusal names the safe fix. -SkipCompatibilityCheck is offered only where the module's own tables may lag
/// the service, never where skipping could send a second or harmful restore.
/// </summary>
public class SafeAdviceTests
{
    private static readonly (string Rule, Func<RuleResult> Failing)[] Failures =
    {
        (RdsRuleIds.TargetNotBusy, () => Rule(RdsRuleIds.TargetNotBusy, Backup(), Pair(Instance("src"), Instance("tgt", status: "RESTORING")))),
        (RdsRuleIds.TargetNotBusy, () => Rule(RdsRuleIds.TargetNotBusy, Backup(), new RestoreFacts { Source = Instance("src"), Target = Instance("tgt"), TargetHasRunningJob = true, Clock = Clock })),
        (RdsRuleIds.TargetVolumeLargeEnough, () => Rule(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Pair(Instance("src", sizeGb: 100), Instance("tgt", sizeGb: 40)))),
        (RdsRuleIds.SameEngine, () => Rule(RdsRuleIds.SameEngine, Backup(), Pair(Instance("src"), Instance("tgt", "PostgreSQL", "14")))),
        (RdsRuleIds.SqlServerVersionAllowed, () => Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", "2014_EE"), Instance("tgt", "SQLServer", "2014_SE")))),
    };

    public static IEnumerable<object[]> Cases() => Failures.Select((f, i) => new object[] { i, f.Rule });

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_message_names_a_fix_and_never_the_skip_switch(int index, string rule)
    {
        var result = Failures[index].Failing();
        Assert.Equal(RuleOutcome.Failed, result.Outcome);
        Assert.DoesNotContain("SkipCompatibilityCheck", result.Message);
        Assert.Matches("(Wait|pick|Pick|Extend|fix|allowed targets)", result.Message);
        _ = rule;
    }

    [Fact]
    public void A_busy_target_says_wait_for_the_running_restore_and_not_to_send_another()
    {
        var result = Failures[0].Failing();
        Assert.Contains("Get-RdsRestoreJob -Recent", result.Message);
        Assert.Contains("Do not send another restore", result.Message);
    }

    [Fact]
    public void The_skip_switch_is_offered_only_when_every_failure_may_be_the_module_lagging_the_service()
    {
        var busy = Failures[0].Failing();
        var version = Failures[4].Failing();
        var volume = Failures[2].Failing();
        Assert.Contains("-SkipCompatibilityCheck", SkipAdvice.Closing(new[] { version }));
        Assert.DoesNotContain("SkipCompatibilityCheck", SkipAdvice.Closing(new[] { busy }));
        Assert.DoesNotContain("SkipCompatibilityCheck", SkipAdvice.Closing(new[] { version, busy }));
        Assert.DoesNotContain("SkipCompatibilityCheck", SkipAdvice.Closing(new[] { volume }));
        Assert.DoesNotContain("SkipCompatibilityCheck", SkipAdvice.Closing(Array.Empty<RuleResult>()));
    }
}
