using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class EngineRulesTests
{
    [Theory]
    [InlineData("MySQL", RdsEngine.MySql)]
    [InlineData("mysql", RdsEngine.MySql)]
    [InlineData(" MYSQL ", RdsEngine.MySql)]
    [InlineData("PostgreSQL", RdsEngine.PostgreSql)]
    [InlineData("postgres", RdsEngine.PostgreSql)]
    [InlineData("sqlserver", RdsEngine.SqlServer)]
    [InlineData("SQLServer", RdsEngine.SqlServer)]
    [InlineData("SQL Server", RdsEngine.SqlServer)]
    [InlineData("sql_server", RdsEngine.SqlServer)]
    [InlineData("Sql-Server", RdsEngine.SqlServer)]
    [InlineData("MariaDB", RdsEngine.MariaDb)]
    [InlineData("Oracle", RdsEngine.Unknown)]
    [InlineData("", RdsEngine.Unknown)]
    [InlineData(null, RdsEngine.Unknown)]
    public void Engine_names_are_read_leniently(string? name, RdsEngine expected) => Assert.Equal(expected, RdsEngines.Parse(name));

    [Theory]
    [InlineData("mysql", "MySQL")]
    [InlineData("POSTGRESQL", "PostgreSQL")]
    [InlineData("sqlserver", "SQLServer")]
    [InlineData("mariadb", "MariaDB")]
    [InlineData("Oracle", "Oracle")]
    [InlineData(null, null)]
    public void An_engine_name_in_any_case_becomes_the_services_spelling(string? typed, string? sent) =>
        Assert.Equal(sent, RdsEngines.ServiceSpelling(typed));

    [Theory]
    [InlineData("MySQL", "PostgreSQL", "sqlserver")]
    [InlineData("mysql", "postgres", "SQL Server")]
    public void KnownEngine_passes_for_the_three_restore_engines(string a, string b, string c)
    {
        foreach (var (s, t) in new[] { (a, a), (b, b), (c, c) })
        {
            var r = Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src", s), Instance("tgt", t)));
            Assert.Equal(RuleOutcome.Passed, r.Outcome);
        }
    }

    [Fact]
    public void KnownEngine_fails_an_engine_the_rules_do_not_know_and_names_the_supported_ones()
    {
        var r = Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src", "Oracle"), Instance("tgt", "MySQL")));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("'Oracle'", r.Message);
        Assert.Contains("MySQL, PostgreSQL, SQLServer", r.Message);
    }

    [Fact]
    public void KnownEngine_fails_MariaDB_which_the_spec_does_not_cover()
    {
        var r = Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src", "MariaDB"), Instance("tgt", "MariaDB")));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("MariaDB", r.Message);
    }

    [Fact]
    public void KnownEngine_is_not_checked_without_both_engines()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src"), null)).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src"), Instance("tgt", engine: ""))).Outcome);
    }

    [Fact]
    public void KnownEngine_still_fails_a_known_bad_engine_when_the_other_is_missing()
    {
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.KnownEngine, Backup(), Pair(Instance("src", "DB2"), null)).Outcome);
    }

    [Theory]
    [InlineData("MySQL", "mysql")]
    [InlineData("SQL Server", "SQLServer")]
    [InlineData("sqlserver", "sql_server")]
    [InlineData("PostgreSQL", "postgres")]
    [InlineData("Oracle", "oracle")]
    public void SameEngine_passes_the_same_engine_however_spelled(string source, string target)
    {
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.SameEngine, Backup(), Pair(Instance("src", source), Instance("tgt", target))).Outcome);
    }

    [Theory]
    [InlineData("MySQL", "PostgreSQL")]
    [InlineData("SQLServer", "MySQL")]
    [InlineData("Oracle", "DB2")]
    [InlineData("MySQL", "MariaDB")]
    public void SameEngine_fails_different_engines(string source, string target)
    {
        var r = Rule(RdsRuleIds.SameEngine, Backup(), Pair(Instance("src", source), Instance("tgt", target)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("same engine", r.Message);
    }

    [Fact]
    public void SameEngine_is_not_checked_without_both_instances()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameEngine, Backup(), Pair(null, Instance("tgt"))).Outcome);
    }

    [Theory]
    [InlineData("MySQL", "5.7", "5.7")]
    [InlineData("MySQL", "8.0", " 8.0 ")]
    [InlineData("PostgreSQL", "14", "14")]
    public void SameVersion_passes_equal_versions(string engine, string v1, string v2)
    {
        var r = Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src", engine, v1), Instance("tgt", engine, v2)));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
    }

    [Theory]
    [InlineData("MySQL", "5.7", "8.0")]
    [InlineData("MySQL", "5.6", "5.7")]
    [InlineData("PostgreSQL", "14", "15")]
    public void SameVersion_fails_different_versions_and_names_both(string engine, string v1, string v2)
    {
        var r = Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src", engine, v1), Instance("tgt", engine, v2)));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains(v1, r.Message);
        Assert.Contains(v2, r.Message);
    }

    [Fact]
    public void SameVersion_does_not_judge_SQL_Server_or_mixed_engines_or_missing_versions()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src", "SQLServer", "2014_SE"), Instance("tgt", "SQLServer", "2016_SE"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src", "MySQL", "5.7"), Instance("tgt", "PostgreSQL", "14"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src", "MySQL", ""), Instance("tgt", "MySQL", "5.7"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.SameVersion, Backup(), Pair(Instance("src"), null)).Outcome);
    }
}
