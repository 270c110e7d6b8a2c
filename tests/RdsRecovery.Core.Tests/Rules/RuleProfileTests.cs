using RdsRecovery.Api;
using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

/// <summary>The Seed and V31 profiles: one rule set, the differences as data.</summary>
public class RuleProfileTests
{
    private static RestoreFacts Under(RestoreRuleProfile profile, RdsInstance source, RdsInstance target,
        string[]? sourceDbs = null, string[]? targetDbs = null) =>
        new() { Source = source, Target = target, Clock = Clock, Profile = profile, SourceDatabaseNames = sourceDbs, TargetDatabaseNames = targetDbs };

    private static RdsInstance MySql(string id, string complete, string version = "5.7") =>
        new() { Id = id, Engine = "MySQL", EngineVersion = version, CompleteVersion = complete, VolumeSizeGB = 100, Region = "r1", Status = "ACTIVE" };

    private static RdsInstance Pg(string id, params (string Id, string Type)[] related) =>
        new() { Id = id, Engine = "PostgreSQL", EngineVersion = "14", VolumeSizeGB = 100, Region = "r1", Status = "ACTIVE",
            RelatedInstances = related.Select(r => new RdsRelatedInstance { Id = r.Id, Type = r.Type }).ToArray() };

    private static RdsInstance Sql(string id, string version, string timeZone = "UTC", int size = 100) =>
        new() { Id = id, Engine = "SQLServer", EngineVersion = version, TimeZone = timeZone, VolumeSizeGB = size, Region = "r1", Status = "ACTIVE" };

    private static RuleOutcome Outcome(string rule, RestoreRequest request, RestoreFacts facts) => Rule(rule, request, facts).Outcome;

    [Fact]
    public void Both_profiles_report_every_rule_id_in_the_same_order_and_the_report_names_profile_and_version()
    {
        foreach (var profile in RestoreRuleProfiles.All)
        {
            var report = CompatibilityRules.Evaluate(Backup(), new RestoreFacts { Profile = profile, Clock = Clock });
            Assert.Equal(RdsRuleIds.All, report.Rules.Select(r => r.RuleId));
            Assert.Equal(profile.Name, report.RuleProfile);
            Assert.Equal(RdsApiVersions.Name(profile.ApiVersion), report.ApiVersion);
            Assert.Contains($"rule profile {profile.Name}", report.ToString());
        }
        var online = CompatibilityRules.Evaluate(Backup(), new RestoreFacts { Profile = RestoreRuleProfiles.V31, ApiVersion = RdsRestoreApiVersion.V3, Clock = Clock });
        Assert.Equal(("v3", RdsRuleProfile.V31), (online.ApiVersion, online.RuleProfile));
    }

    [Theory]
    [InlineData("5.7.38", "5.7.41", "5.7", RuleOutcome.Passed, RuleOutcome.Passed)]
    [InlineData("5.7.41", "5.7.38", "5.7", RuleOutcome.Passed, RuleOutcome.Failed)]
    [InlineData("5.6.51", "5.6.51", "5.6", RuleOutcome.Passed, RuleOutcome.Passed)]
    [InlineData("8.0.28", "8.0.28", "8.0", RuleOutcome.Passed, RuleOutcome.Passed)]
    [InlineData("8.0.28", "8.0.32", "8.0", RuleOutcome.Passed, RuleOutcome.Failed)]
    [InlineData("8.0.32", "8.0.28", "8.0", RuleOutcome.Passed, RuleOutcome.Failed)]
    [InlineData("5.7.38", "", "5.7", RuleOutcome.Passed, RuleOutcome.NotChecked)]
    public void MySQL_minor_versions_count_under_V31_only(string from, string to, string version, RuleOutcome seed, RuleOutcome v31)
    {
        var (s, t) = (MySql("src", from, version), MySql("tgt", to, version));
        Assert.Equal(seed, Outcome(RdsRuleIds.SameVersion, Backup(), Under(RestoreRuleProfiles.Seed, s, t)));
        Assert.Equal(v31, Outcome(RdsRuleIds.SameVersion, Backup(), Under(RestoreRuleProfiles.V31, s, t)));
    }

    [Fact]
    public void Restoring_PostgreSQL_into_itself_is_refused_under_V31_only()
    {
        var self = RestoreRequest.Create("src", "src", "bk1", null, null, Clock);
        var pg = Pg("src");
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.SourceAsTargetAllowed, self, Under(RestoreRuleProfiles.Seed, pg, pg)));
        var v31 = Rule(RdsRuleIds.SourceAsTargetAllowed, self, Under(RestoreRuleProfiles.V31, pg, pg));
        Assert.Equal(RuleOutcome.Failed, v31.Outcome);
        Assert.Contains("MySQL and SQLServer", v31.Message);
        var sql = Sql("src", "2017_EE");
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.SourceAsTargetAllowed, self, Under(RestoreRuleProfiles.V31, sql, sql)));
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.SourceAsTargetAllowed, Backup(), Under(RestoreRuleProfiles.V31, pg, Pg("tgt"))));
    }

    [Theory]
    [InlineData("dr", RuleOutcome.Failed)]
    [InlineData("DR_STANDBY", RuleOutcome.Failed)]
    [InlineData("replica", RuleOutcome.Passed)]
    [InlineData("replica_of", RuleOutcome.Passed)]
    [InlineData("mirror", RuleOutcome.NotChecked)]
    public void A_PostgreSQL_target_in_a_disaster_recovery_relation_is_refused_under_V31_only(string type, RuleOutcome v31)
    {
        var (s, t) = (Pg("src"), Pg("tgt", ("peer", type)));
        Assert.Equal(v31, Outcome(RdsRuleIds.TargetNotInDisasterRecovery, Backup(), Under(RestoreRuleProfiles.V31, s, t)));
        Assert.Equal(RuleOutcome.NotChecked, Outcome(RdsRuleIds.TargetNotInDisasterRecovery, Backup(), Under(RestoreRuleProfiles.Seed, s, t)));
    }

    [Fact]
    public void Unknown_relations_and_no_relations_are_told_apart()
    {
        var unknown = Pg("tgt");
        unknown.RelatedInstances = null;
        Assert.Equal(RuleOutcome.NotChecked, Outcome(RdsRuleIds.TargetNotInDisasterRecovery, Backup(), Under(RestoreRuleProfiles.V31, Pg("src"), unknown)));
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.TargetNotInDisasterRecovery, Backup(), Under(RestoreRuleProfiles.V31, Pg("src"), Pg("tgt"))));
    }

    [Fact]
    public void SQL_Server_time_zones_must_match_under_V31_only()
    {
        var (s, t) = (Sql("src", "2017_EE", "China Standard Time"), Sql("tgt", "2017_EE", "UTC"));
        var r = Rule(RdsRuleIds.SameTimeZone, Backup(), Under(RestoreRuleProfiles.V31, s, t));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("China Standard Time", r.Message);
        Assert.Equal(RuleOutcome.NotChecked, Outcome(RdsRuleIds.SameTimeZone, Backup(), Under(RestoreRuleProfiles.Seed, s, t)));
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.SameTimeZone, Backup(), Under(RestoreRuleProfiles.V31, s, Sql("tgt", "2017_EE", "china standard time"))));
    }

    [Theory]
    [InlineData("2017_SE", "2019_EE", RuleOutcome.Failed, RuleOutcome.Passed)]
    [InlineData("2019_EE", "2022_EE", RuleOutcome.Failed, RuleOutcome.Passed)]
    [InlineData("2022_EE", "2019_EE", RuleOutcome.Failed, RuleOutcome.Failed)]
    [InlineData("2008_R2_WEB", "2017_SE", RuleOutcome.Failed, RuleOutcome.Passed)]
    [InlineData("2008_R2_WEB", "2008_R2_EE", RuleOutcome.Passed, RuleOutcome.Passed)]
    [InlineData("2014_WEB", "2014_SE", RuleOutcome.Passed, RuleOutcome.NotChecked)]
    [InlineData("2008_R2_SE", "2008_R2_EE", RuleOutcome.Failed, RuleOutcome.NotChecked)]
    [InlineData("2017_EE", "2017_SE", RuleOutcome.Failed, RuleOutcome.Failed)]
    public void SQL_Server_editions_follow_each_profiles_table(string from, string to, RuleOutcome seed, RuleOutcome v31)
    {
        var (s, t) = (Sql("src", from), Sql("tgt", to));
        Assert.Equal(seed, Outcome(RdsRuleIds.SqlServerVersionAllowed, Backup(), Under(RestoreRuleProfiles.Seed, s, t)));
        Assert.Equal(v31, Outcome(RdsRuleIds.SqlServerVersionAllowed, Backup(), Under(RestoreRuleProfiles.V31, s, t)));
    }

    [Fact]
    public void Every_edition_row_names_its_cloud_and_document_and_the_V31_table_says_what_it_leaves_out()
    {
        Assert.All(RestoreRuleProfiles.V31.SqlServerTable.Rows, row => Assert.Matches("Huawei Cloud|Open Telekom Cloud", row.Origin));
        Assert.All(RestoreRuleProfiles.Seed.SqlServerTable.Rows, row => Assert.Contains("seed", row.Origin));
        Assert.Contains("2008 R2 SE", RestoreRuleProfiles.V31.SqlServerTableNote);
        var passed = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Under(RestoreRuleProfiles.V31, Sql("src", "2017_SE"), Sql("tgt", "2019_SE")));
        Assert.Contains("Open Telekom Cloud", passed.Message);
    }

    [Fact]
    public void The_volume_rule_covers_MySQL_only_under_V31()
    {
        var small = new RdsInstance { Id = "tgt", Engine = "PostgreSQL", EngineVersion = "14", VolumeSizeGB = 40, Region = "r1", Status = "ACTIVE" };
        var big = new RdsInstance { Id = "src", Engine = "PostgreSQL", EngineVersion = "14", VolumeSizeGB = 100, Region = "r1", Status = "ACTIVE" };
        Assert.Equal(RuleOutcome.Failed, Outcome(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Under(RestoreRuleProfiles.Seed, big, small)));
        Assert.Equal(RuleOutcome.NotChecked, Outcome(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Under(RestoreRuleProfiles.V31, big, small)));
        Assert.Equal(RuleOutcome.Failed, Outcome(RdsRuleIds.TargetVolumeLargeEnough, Backup(), Under(RestoreRuleProfiles.V31,
            MySql("src", "5.7.38"), new RdsInstance { Id = "tgt", Engine = "MySQL", EngineVersion = "5.7", VolumeSizeGB = 40 })));
    }

    [Theory]
    [InlineData("sales-copy", RuleOutcome.Failed, RuleOutcome.Passed)]
    [InlineData("sales_copy,sales_copy2", RuleOutcome.Failed, RuleOutcome.Passed)]
    [InlineData("sales_copy,,x", RuleOutcome.Failed, RuleOutcome.Failed)]
    [InlineData("my_msdb", RuleOutcome.Failed, RuleOutcome.Failed)]
    [InlineData("a,TEMPDB_copy", RuleOutcome.Failed, RuleOutcome.Failed)]
    public void New_names_follow_each_profiles_policy_and_reserved_words_hold_in_both(string newName, RuleOutcome seed, RuleOutcome v31)
    {
        var request = Backup("bk1", ("sales", newName));
        var (s, t) = (Sql("src", "2017_EE"), Sql("tgt", "2017_EE"));
        Assert.Equal(seed, Outcome(RdsRuleIds.DatabaseNameAllowed, request, Under(RestoreRuleProfiles.Seed, s, t)));
        Assert.Equal(v31, Outcome(RdsRuleIds.DatabaseNameAllowed, request, Under(RestoreRuleProfiles.V31, s, t)));
    }

    [Theory]
    [InlineData(64, RuleOutcome.Passed, RuleOutcome.Passed)]
    [InlineData(65, RuleOutcome.Passed, RuleOutcome.Failed)]
    [InlineData(128, RuleOutcome.Passed, RuleOutcome.Failed)]
    [InlineData(129, RuleOutcome.Failed, RuleOutcome.Failed)]
    public void Name_length_limits_differ(int length, RuleOutcome seed, RuleOutcome v31)
    {
        var request = Backup("bk1", ("sales", new string('n', length)));
        var (s, t) = (Sql("src", "2017_EE"), Sql("tgt", "2017_EE"));
        Assert.Equal(seed, Outcome(RdsRuleIds.DatabaseNameAllowed, request, Under(RestoreRuleProfiles.Seed, s, t)));
        Assert.Equal(v31, Outcome(RdsRuleIds.DatabaseNameAllowed, request, Under(RestoreRuleProfiles.V31, s, t)));
    }

    [Theory]
    [InlineData("A1,a1")]          // one database twice under one name, without regard to case
    [InlineData("hr")]             // the new name is another database's original name
    [InlineData("sales")]          // a lone new name equal to its own original
    public void V31_new_names_clash_with_originals_and_each_other(string newNames)
    {
        var request = Backup("bk1", ("sales", newNames), ("hr", ""));
        var facts = Under(RestoreRuleProfiles.V31, Sql("src", "2017_EE"), Sql("tgt", "2017_EE"), new[] { "sales", "hr" }, new[] { "master" });
        Assert.Equal(RuleOutcome.Failed, Outcome(RdsRuleIds.DatabaseNameNotInUse, request, facts));
    }

    [Fact]
    public void V31_copies_may_keep_the_original_among_several_new_names()
    {
        var request = Backup("bk1", ("sales", "sales,sales_a,sales_b"), ("hr", "hr_1,hr_2"));
        var facts = Under(RestoreRuleProfiles.V31, Sql("src", "2017_EE"), Sql("tgt", "2017_EE"), new[] { "sales", "hr" }, new[] { "master" });
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.DatabaseNameNotInUse, request, facts));
        Assert.Equal(RuleOutcome.Passed, Outcome(RdsRuleIds.DatabaseNameAllowed, request, facts));
    }

    [Fact]
    public void A_database_kept_under_its_original_name_clashes_with_the_same_name_on_the_target_in_both_profiles()
    {
        var request = Backup("bk1", ("sales", ""));
        foreach (var profile in RestoreRuleProfiles.All)
        {
            var r = Rule(RdsRuleIds.DatabaseNameNotInUse, request, Under(profile, Sql("src", "2017_EE"), Sql("tgt", "2017_EE"), new[] { "sales" }, new[] { "SALES" }));
            Assert.Equal(RuleOutcome.Failed, r.Outcome);
            Assert.Contains("original name", r.Message);
        }
    }
}
