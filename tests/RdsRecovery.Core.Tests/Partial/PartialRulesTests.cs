using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Partial.PartialRequestTests;

namespace RdsRecovery.Core.Tests.Partial;

public sealed class PartialRulesTests
{
    private static RdsInstance Instance(string engine = "MySQL", string status = "ACTIVE", string version = "5.7") =>
        new() { Id = "inst01", Name = "shop-db", Engine = engine, EngineVersion = version, Status = status, VolumeSizeGB = 100 };

    private static RdsHistoryListing History(int? databaseLimit = 100, int? tableLimit = 200, params string[] names) => new()
    {
        DatabaseLimit = databaseLimit, TableLimit = tableLimit,
        Databases = names.Select(n => new RdsRestorableDatabase { InstanceId = "inst01", Name = n }).ToList(),
    };

    private static PartialRestoreFacts Known(RdsInstance? instance = null, RdsHistoryListing? history = null, IReadOnlyCollection<string>? now = null,
        RdsHistoryListing? tables = null, RdsFastRestoreSupport? fast = null, bool fastLookedUp = false, bool? running = false) => new()
    {
        Instance = instance ?? Instance(), HistoryDatabases = history ?? History(names: new[] { "sales", "shop" }), DatabasesNow = now ?? new[] { "shop" },
        HistoryTables = tables, FastRestore = fast, FastRestoreLookedUp = fastLookedUp, TargetHasRunningJob = running, Clock = Clock,
        RestoreWindows = new[] { new RdsRestoreWindow("inst01", Time.AddHours(-1), Time.AddHours(1)) },
    };

    private static RuleResult Rule(string id, PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var result = PartialRestoreRules.Evaluate(request, facts)[id];
        Assert.NotNull(result);
        Assert.False(string.IsNullOrWhiteSpace(result!.Message));
        return result;
    }

    [Fact]
    public void Every_partial_rule_id_is_a_constant_and_every_partial_only_constant_is_evaluated()
    {
        var constants = typeof(RdsRuleIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.All(PartialRestoreRules.DatabaseRuleIds.Concat(PartialRestoreRules.TableRuleIds), id => Assert.Contains(id, constants));
        Assert.All(RdsRuleIds.PartialOnly, id => Assert.Contains(id, PartialRestoreRules.DatabaseRuleIds.Concat(PartialRestoreRules.TableRuleIds)));
    }

    [Fact]
    public void A_database_restore_that_meets_every_rule_is_compatible_in_the_instance_restores_report_type()
    {
        var report = PartialRestoreRules.Evaluate(Databases(), Known());
        Assert.True(report.IsCompatible, report.ToString());
        Assert.Equal(PartialRestoreRules.DatabaseRuleIds, report.Rules.Select(r => r.RuleId));
        Assert.Same(report.Request, report.Request as PartialRestoreRequest);
        Assert.Equal(RuleOutcome.NotChecked, report[RdsRuleIds.RoomForRestoredData]!.Outcome);
        Assert.True(report[RdsRuleIds.RoomForRestoredData]!.NeedsAttention);
    }

    [Fact]
    public void A_database_that_did_not_exist_at_the_time_fails_and_the_message_lists_those_that_did()
    {
        var result = Rule(RdsRuleIds.DatabaseToRestoreExists, Databases(false, ("gone", "gone_1")), Known());
        Assert.Equal(RuleOutcome.Failed, result.Outcome);
        Assert.Contains("'gone'", result.Message);
        Assert.Contains("'sales'", result.Message);
    }

    [Fact]
    public void A_new_name_in_use_now_fails_and_an_unlisted_instance_is_not_checked()
    {
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.DatabaseNameNotInUse, Databases(false, ("sales", "SHOP")), Known()).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.DatabaseNameNotInUse, Databases(), new PartialRestoreFacts { Instance = Instance(), Clock = Clock }).Outcome);
    }

    [Theory]
    [InlineData("MySQL", "5.7", "a$b", true)]
    [InlineData("MySQL", "8.0", "a$b", false)]
    [InlineData("MySQL", "5.7", "sales.copy", false)]
    [InlineData("PostgreSQL", "14", "pg_sales", false)]
    [InlineData("PostgreSQL", "14", "template1", false)]
    [InlineData("PostgreSQL", "14", "sales-copy", false)]
    [InlineData("PostgreSQL", "14", "sales_copy", true)]
    public void New_database_names_follow_the_engines_documented_grammar(string engine, string version, string newName, bool allowed)
    {
        var result = Rule(RdsRuleIds.DatabaseNameAllowed, Databases(false, ("sales", newName)), Known(Instance(engine, version: version)));
        Assert.Equal(allowed ? RuleOutcome.Passed : RuleOutcome.Failed, result.Outcome);
    }

    [Fact]
    public void More_databases_than_the_service_allows_fail_and_an_unknown_limit_is_not_checked()
    {
        var request = Databases(false, ("sales", "s1"), ("shop", "s2"));
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.RestoreCountWithinLimit, request, Known(history: History(1, 1, "sales", "shop"))).Outcome);
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.RestoreCountWithinLimit, request, Known(history: History(null, null, "sales", "shop"))).Outcome);
    }

    [Fact]
    public void SQL_Server_a_busy_instance_and_a_time_outside_the_windows_fail()
    {
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.EngineSupportsPartialRestore, Databases(), Known(Instance("SQLServer"))).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TargetNotBusy, Databases(), Known(Instance(status: "RESTORING"))).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TargetNotBusy, Databases(), Known(running: true)).Outcome);
        var facts = new PartialRestoreFacts { Instance = Instance(), Clock = Clock, RestoreWindows = new[] { new RdsRestoreWindow("inst01", Time.AddDays(-3), Time.AddDays(-2)) } };
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.RestoreTimeInWindow, Databases(), facts).Outcome);
    }

    [Fact]
    public void Fast_restore_passes_only_where_the_service_says_so_and_never_for_PostgreSQL_tables()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.FastRestoreSupported, Databases(), Known()).Outcome);
        var yes = new RdsFastRestoreSupport { InstanceId = "inst01", Databases = true, Tables = false };
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.FastRestoreSupported, Databases(true), Known(fast: yes, fastLookedUp: true)).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.FastRestoreSupported, Tables(RdsEngine.MySql, fast: true), Known(fast: yes, fastLookedUp: true)).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.FastRestoreSupported, Databases(true), Known(fastLookedUp: true)).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.FastRestoreSupported, Tables(RdsEngine.PostgreSql, fast: true), Known(Instance("PostgreSQL"))).Outcome);
    }

    [Fact]
    public void PostgreSQL_tables_are_checked_against_the_history_listing_and_MySQL_tables_are_not_checked()
    {
        var tables = new RdsHistoryListing
        {
            TableLimit = 2,
            Tables = new[] { "orders", "items" }.Select(n => new RdsRestorableTable { InstanceId = "inst01", Database = "shop", Schema = "public", Name = n }).ToList(),
        };
        var pg = Known(Instance("PostgreSQL", version: "14"), tables: tables);
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.TableToRestoreExists, Tables(RdsEngine.PostgreSql), pg).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TableToRestoreExists, Tables(RdsEngine.PostgreSql, pairs: new (string, string?)[] { ("gone", "g1") }), pg).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TableNameNotInUse, Tables(RdsEngine.PostgreSql, pairs: new (string, string?)[] { ("orders", "items") }), pg).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TableToRestoreExists, Tables(RdsEngine.PostgreSql, "sales"), pg).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.TableNameAllowed, Tables(RdsEngine.PostgreSql, pairs: new (string, string?)[] { ("orders", "orders-copy") }), pg).Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(RdsRuleIds.RestoreCountWithinLimit, Tables(RdsEngine.PostgreSql, pairs: new (string, string?)[] { ("orders", "o1"), ("items", "i1"), ("x", "x1") }), pg).Outcome);
        var mysql = Rule(RdsRuleIds.TableToRestoreExists, Tables(RdsEngine.MySql), Known());
        Assert.Equal(RuleOutcome.NotChecked, mysql.Outcome);
        Assert.True(mysql.NeedsAttention);
    }
}
