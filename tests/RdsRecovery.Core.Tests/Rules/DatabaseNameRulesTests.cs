using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class DatabaseNameRulesTests
{
    private static RestoreFacts SqlPair(IReadOnlyCollection<string>? onSource = null, IReadOnlyCollection<string>? onTarget = null) => new()
    {
        Source = Instance("src", "SQLServer", "2014_SE"),
        Target = Instance("tgt", "SQLServer", "2014_EE"),
        SourceDatabaseNames = onSource,
        TargetDatabaseNames = onTarget,
        Clock = Clock,
    };

    // ---- DatabaseMapOnlyForSqlServer ----

    [Fact]
    public void Map_passes_on_sql_server()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseMapOnlyForSqlServer, Backup("bk", ("db1", "x")), SqlPair()).Outcome);
    }

    [Theory]
    [InlineData("MySQL")]
    [InlineData("PostgreSQL")]
    public void Map_fails_on_other_engines(string engine)
    {
        var r = Rule(RdsRuleIds.DatabaseMapOnlyForSqlServer, Backup("bk", ("db1", "x")), Pair(Instance("src", engine), Instance("tgt", engine)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("SQL Server only", r.Message);
    }

    [Fact]
    public void Map_rule_passes_without_a_map_and_is_not_checked_without_the_source_engine()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseMapOnlyForSqlServer, Backup(), Pair(Instance("src"), Instance("tgt"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.DatabaseMapOnlyForSqlServer, Backup("bk", ("db1", "x")), RestoreFacts.None).Outcome);
    }

    // ---- DatabaseNameAllowed: the naming policy ----

    public static TheoryData<string> AllowedNames => new()
    {
        "a", "Z", "_", "9", "db_1", "dbtest1", "Sales2026", new string('a', 128), "mast", "modal", "temp_db", "rds_admin", "resourc",
    };

    public static TheoryData<string, string> RefusedNames => new()
    {
        { new string('a', 129), "129 characters" },
        { new string('b', 500), "500 characters" },
        { "db-1", "'-'" },
        { "db 1", "' '" },
        { "db.1", "'.'" },
        { "dé", "\\u00E9" },
        { "db$", "'$'" },
        { "a\tb", "\\u0009" },
        { "master", "'master'" },
        { "MyMaster", "'master'" },
        { "TEMPDB2", "'tempdb'" },
        { "x_model", "'model'" },
        { "Resources", "'resource'" },
        { "rdsadmin1", "'rdsadmin'" },
        { "MSDB", "'msdb'" },
        { "a_MoDeL_b", "'model'" },
    };

    [Theory]
    [MemberData(nameof(AllowedNames))]
    public void Names_within_the_policy_pass(string name)
    {
        var r = Rule(RdsRuleIds.DatabaseNameAllowed, Backup("bk", ("db1", name)), SqlPair());
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void Names_outside_the_policy_fail_saying_why(string name, string why)
    {
        var r = Rule(RdsRuleIds.DatabaseNameAllowed, Backup("bk", ("db1", name)), SqlPair());
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains(why, r.Message);
    }

    [Fact]
    public void Every_bad_new_name_is_reported_at_once()
    {
        var r = Rule(RdsRuleIds.DatabaseNameAllowed, Backup("bk", ("a", "ok_1"), ("b", "bad-1"), ("c", "master2")), SqlPair());
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("bad-1", r.Message);
        Assert.Contains("master2", r.Message);
        Assert.DoesNotContain("ok_1", r.Message);
    }

    [Fact]
    public void Empty_new_names_keep_the_original_and_are_not_held_to_the_policy()
    {
        // The original name is the source's business: even a name the policy would refuse is kept as is.
        var r = Rule(RdsRuleIds.DatabaseNameAllowed, Backup("bk", ("old-name", ""), ("db2", "")), SqlPair());
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Contains("keeps its original name", r.Message);
    }

    [Fact]
    public void Without_a_map_there_is_nothing_to_check()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseNameAllowed, Backup(), SqlPair()).Outcome);
    }

    // ---- DatabaseNameNotInUse: clashes ----

    [Fact]
    public void The_seed_example_passes_when_names_are_known_and_free()
    {
        var r = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "dbtest1"), ("db2", "")),
            SqlPair(onSource: new[] { "db1", "db2", "master" }, onTarget: new[] { "other", "master" }));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
    }

    [Fact]
    public void A_new_name_already_on_the_source_fails()
    {
        var r = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "DB2")), SqlPair(onSource: new[] { "db1", "db2" }, onTarget: Array.Empty<string>()));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("on the source", r.Message);
    }

    [Fact]
    public void A_new_name_already_on_the_target_fails()
    {
        var r = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "taken")), SqlPair(onSource: new[] { "db1" }, onTarget: new[] { "Taken" }));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("on the target", r.Message);
    }

    [Fact]
    public void An_empty_new_name_is_compared_with_the_target_only()
    {
        var onTarget = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db2", "")), SqlPair(onSource: new[] { "db2" }, onTarget: new[] { "db2" }));
        Assert.Equal(RuleOutcome.Failed, onTarget.Outcome);
        var onSourceOnly = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db2", "")), SqlPair(onSource: null, onTarget: new[] { "x" }));
        Assert.Equal(RuleOutcome.Passed, onSourceOnly.Outcome);
    }

    [Theory]
    [InlineData("db1", "db1")]
    [InlineData("db1", "DB1")]
    public void Renaming_a_database_to_its_own_name_fails(string old, string renamed)
    {
        var r = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", (old, renamed)), SqlPair());
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("empty new name", r.Message);
    }

    [Fact]
    public void Two_entries_landing_on_one_name_fail()
    {
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("a", "x"), ("b", "X")), SqlPair()).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("a", ""), ("b", "a")), SqlPair()).Outcome);
    }

    [Fact]
    public void Unknown_database_lists_leave_the_clash_check_not_checked()
    {
        var noTarget = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "x")), SqlPair(onSource: new[] { "db1" }));
        Assert.Equal(RuleOutcome.NotChecked, noTarget.Outcome);
        Assert.Contains("target", noTarget.Message);
        var noSource = Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "x")), SqlPair(onTarget: new[] { "y" }));
        Assert.Equal(RuleOutcome.NotChecked, noSource.Outcome);
        Assert.Contains("source", noSource.Message);
    }

    [Fact]
    public void Keep_only_maps_need_just_the_target_list()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseNameNotInUse, Backup("bk", ("db1", "")), SqlPair(onTarget: new[] { "y" })).Outcome);
    }

    [Fact]
    public void Without_a_map_nothing_can_clash()
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseNameNotInUse, Backup(), RestoreFacts.None).Outcome);
    }
}
