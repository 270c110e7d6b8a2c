using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class SqlServerVersionTests
{
    [Theory]
    [InlineData("2008_R2_WEB", "2008_R2_WEB")]
    [InlineData("2008_R2_EE", "2008_R2_EE")]
    [InlineData("2008 R2 Web", "2008_R2_WEB")]
    [InlineData("2008R2 Enterprise", "2008_R2_EE")]
    [InlineData("2012_WEB", "2012_WEB")]
    [InlineData("2012_web", "2012_WEB")]
    [InlineData("2012 Standard", "2012_SE")]
    [InlineData("2014_SE", "2014_SE")]
    [InlineData("2014-se", "2014_SE")]
    [InlineData("2014 Enterprise Edition", "2014_EE")]
    [InlineData("SQL Server 2016 Standard", "2016_SE")]
    [InlineData("2016_EE", "2016_EE")]
    [InlineData("2017_EE", "2017_EE")]
    [InlineData("2017_Ent", "2017_EE")]
    [InlineData("2019_SE", "2019_SE")]
    [InlineData(" 2022_EE ", "2022_EE")]
    [InlineData("2017_EX", "2017_EX")]
    public void Version_strings_parse_into_year_and_edition(string text, string key)
    {
        Assert.True(SqlServerVersion.TryParse(text, out var version));
        Assert.Equal(key, version!.Key);
        Assert.Equal(key, version.ToString());
    }

    [Fact]
    public void Parsed_parts_are_exposed()
    {
        Assert.True(SqlServerVersion.TryParse("2008 R2 Web", out var v));
        Assert.Equal((2008, true, SqlServerEdition.Web), (v!.Year, v.IsR2, v.Edition));
        Assert.Equal(new SqlServerVersion(2008, true, SqlServerEdition.Web), v);
        Assert.NotEqual(new SqlServerVersion(2008, false, SqlServerEdition.Web), v);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2014")]
    [InlineData("SE")]
    [InlineData("2014_XX")]
    [InlineData("2008_R2")]
    [InlineData("14_SE")]
    [InlineData("2014_SE_SP2")]
    public void Unreadable_versions_do_not_parse(string? text) => Assert.False(SqlServerVersion.TryParse(text, out _));

    // Every pair the seed table allows.
    [Theory]
    [InlineData("2008_R2_WEB", "2008_R2_WEB")]
    [InlineData("2008_R2_WEB", "2008_R2_EE")]
    [InlineData("2008_R2_EE", "2008_R2_EE")]
    [InlineData("2012_WEB", "2012_WEB")]
    [InlineData("2012_WEB", "2012_SE")]
    [InlineData("2012_WEB", "2012_EE")]
    [InlineData("2012_SE", "2012_SE")]
    [InlineData("2012_SE", "2012_EE")]
    [InlineData("2012_EE", "2012_EE")]
    [InlineData("2014_WEB", "2014_WEB")]
    [InlineData("2014_WEB", "2014_SE")]
    [InlineData("2014_WEB", "2014_EE")]
    [InlineData("2014_SE", "2014_SE")]
    [InlineData("2014_SE", "2014_EE")]
    [InlineData("2014_EE", "2014_EE")]
    [InlineData("2016_WEB", "2016_WEB")]
    [InlineData("2016_WEB", "2016_SE")]
    [InlineData("2016_WEB", "2016_EE")]
    [InlineData("2016_SE", "2016_SE")]
    [InlineData("2016_SE", "2016_EE")]
    [InlineData("2016_EE", "2016_EE")]
    [InlineData("2017_EE", "2017_EE")]
    public void Table_allows_same_year_upgrades(string source, string target)
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", source), Instance("tgt", "SQL Server", target)));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Equal($"{source} may be restored to {target}.", r.Message);
    }

    [Theory]
    [InlineData("2012_SE", "2014_SE")]
    [InlineData("2012_EE", "2014_EE")]
    [InlineData("2014_EE", "2014_SE")]
    [InlineData("2014_SE", "2014_WEB")]
    [InlineData("2008_R2_WEB", "2012_WEB")]
    [InlineData("2008_R2_EE", "2008_R2_WEB")]
    [InlineData("2016_SE", "2017_EE")]
    [InlineData("2014_SE", "2012_EE")]
    public void Table_refuses_other_pairs_and_names_the_allowed_targets(string source, string target)
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", source), Instance("tgt", "SQLServer", target)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.StartsWith($"{source} cannot be restored to {target}; allowed targets: ", r.Message);
        Assert.Contains(source, r.Message.Substring(r.Message.IndexOf("allowed targets", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_spec_example_message_reads_as_documented()
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", "2014_SE"), Instance("tgt", "SQLServer", "2012_EE")));
        Assert.Equal("2014_SE cannot be restored to 2012_EE; allowed targets: 2014_SE, 2014_EE.", r.Message);
    }

    [Fact]
    public void Lenient_spellings_work_inside_the_rule()
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "sqlserver", "2014 Standard"), Instance("tgt", "SQLServer", "2014_enterprise")));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
    }

    [Theory]
    [InlineData("2019_SE")]
    [InlineData("2017_SE")]
    [InlineData("banana")]
    public void A_source_version_the_table_does_not_know_fails_naming_what_it_knows(string version)
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", version), Instance("tgt", "SQLServer", "2017_EE")));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains($"'{version}'", r.Message);
        Assert.Contains("2008_R2_WEB, 2008_R2_EE, 2012_WEB", r.Message);
        Assert.Contains("2017_EE", r.Message);
    }

    [Fact]
    public void An_unreadable_target_version_fails_naming_the_allowed_targets()
    {
        var r = Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", "2012_WEB"), Instance("tgt", "SQLServer", "??")));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("2012_WEB, 2012_SE, 2012_EE", r.Message);
    }

    [Fact]
    public void Not_checked_for_other_engines_or_missing_versions()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src"), Instance("tgt"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(Instance("src", "SQLServer", ""), Instance("tgt", "SQLServer", "2014_EE"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SqlServerVersionAllowed, Backup(), Pair(null, Instance("tgt", "SQLServer", "2014_EE"))).Outcome);
    }

    [Fact]
    public void Table_lists_every_seed_source_once()
    {
        var keys = RestoreRuleProfiles.Seed.SqlServerTable.KnownSources.Select(v => v.Key).ToList();
        Assert.Equal(12, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(RestoreRuleProfiles.Seed.SqlServerTable.KnownSources, v => Assert.Contains(v, RestoreRuleProfiles.Seed.SqlServerTable.AllowedTargets(v)!));
        Assert.All(RestoreRuleProfiles.Seed.SqlServerTable.KnownSources, v => Assert.All(RestoreRuleProfiles.Seed.SqlServerTable.AllowedTargets(v)!, t => Assert.Equal(v.Year, t.Year)));
    }
}
