using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

/// <summary>
/// The gates the source-against-target rules share (Rules/Checks/InstancePairRule.cs), with the words each rule says
/// when it stops at one: the profile, an instance or its fact unknown, an engine the rule is not for, a fact one side lacks.
/// </summary>
public class InstancePairGateTests
{
    private static RestoreFacts Under(RestoreRuleProfile profile, RdsInstance? source, RdsInstance? target) =>
        new() { Source = source, Target = target, Clock = Clock, Profile = profile };

    [Theory]
    [InlineData(RdsRuleIds.SameEngine, "The engines of both instances are needed to compare them.")]
    [InlineData(RdsRuleIds.SameVersion, "The engines and versions of both instances are needed to compare versions.")]
    [InlineData(RdsRuleIds.SqlServerVersionAllowed, "The engines and versions of both instances are needed.")]
    [InlineData(RdsRuleIds.TargetVolumeLargeEnough, "The volume sizes of both instances are needed.")]
    [InlineData(RdsRuleIds.SameRegion, "The regions of both instances are needed.")]
    [InlineData(RdsRuleIds.SameTimeZone, "The engines of both instances are needed.")]
    [InlineData(RdsRuleIds.TargetNotInDisasterRecovery, "The engines of both instances are needed.")]
    public void A_missing_target_stops_each_rule_with_what_it_needs(string ruleId, string message)
    {
        var r = Rule(ruleId, Backup(), Under(RestoreRuleProfiles.V31, Instance("src"), null));
        Assert.Equal((RuleOutcome.NotChecked, message), (r.Outcome, r.Message));
    }

    [Theory]
    [InlineData(RdsRuleIds.SameTimeZone)]
    [InlineData(RdsRuleIds.TargetNotInDisasterRecovery)]
    public void A_rule_the_profile_does_not_have_is_not_checked_whatever_the_facts(string ruleId)
    {
        var r = Rule(ruleId, Backup(), Under(RestoreRuleProfiles.Seed, null, null));
        Assert.Equal((RuleOutcome.NotChecked, "Not a rule of profile Seed (v3)."), (r.Outcome, r.Message));
    }

    [Theory]
    [InlineData(RdsRuleIds.SqlServerVersionAllowed, "SQLServer", "PostgreSQL", "Applies when both instances run SQL Server.")]
    [InlineData(RdsRuleIds.SameTimeZone, "MySQL", "SQLServer", "Applies when both instances run SQL Server.")]
    [InlineData(RdsRuleIds.TargetNotInDisasterRecovery, "PostgreSQL", "SQLServer", "Applies when both instances run PostgreSQL.")]
    public void A_rule_of_one_engine_is_not_checked_when_one_instance_runs_another(string ruleId, string sourceEngine, string targetEngine, string message)
    {
        var r = Rule(ruleId, Backup(), Under(RestoreRuleProfiles.V31, Instance("src", sourceEngine), Instance("tgt", targetEngine)));
        Assert.Equal((RuleOutcome.NotChecked, message), (r.Outcome, r.Message));
    }

    [Theory]
    [InlineData(null, "UTC+08:00", "The time zone of the source is not known.")]
    [InlineData("UTC+08:00", " ", "The time zone of the target is not known.")]
    public void A_fact_one_side_lacks_is_named(string? sourceZone, string? targetZone, string message)
    {
        var source = Instance("src", "SQLServer", "2017_EE");
        var target = Instance("tgt", "SQLServer", "2017_EE");
        source.TimeZone = sourceZone;
        target.TimeZone = targetZone;
        var r = Rule(RdsRuleIds.SameTimeZone, Backup(), Under(RestoreRuleProfiles.V31, source, target));
        Assert.Equal((RuleOutcome.NotChecked, message), (r.Outcome, r.Message));
    }

    [Fact]
    public void The_same_fact_in_another_case_or_with_spaces_passes()
    {
        var source = Instance("src", "SQLServer", "2017_EE");
        var target = Instance("tgt", "SQLServer", "2017_EE");
        source.TimeZone = "China Standard Time";
        target.TimeZone = " china standard time ";
        var r = Rule(RdsRuleIds.SameTimeZone, Backup(), Under(RestoreRuleProfiles.V31, source, target));
        Assert.Equal((RuleOutcome.Passed, "Both are in time zone China Standard Time."), (r.Outcome, r.Message));
    }
}
