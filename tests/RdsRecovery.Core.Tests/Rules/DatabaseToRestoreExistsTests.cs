using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

public class DatabaseToRestoreExistsTests
{
    private static RestoreFacts SqlFacts(IReadOnlyList<string>? inBackup = null, IReadOnlyCollection<string>? onSource = null) => new()
    {
        Source = Instance("src", "SQLServer", "2014_SE"),
        Target = Instance("tgt", "SQLServer", "2014_EE"),
        Backup = inBackup is null ? null : new RdsBackup { Id = "bk", InstanceId = "src", Status = "COMPLETED", Databases = inBackup },
        SourceDatabaseNames = onSource,
        Clock = Clock,
    };

    [Fact]
    public void Passes_when_every_named_database_is_in_the_backup()
    {
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("Sales", "sales_1127"), ("hr", "")), SqlFacts(new[] { "sales", "hr", "audit" }));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Contains("backup bk", r.Message);
    }

    [Fact]
    public void Fails_naming_the_database_the_backup_does_not_hold_and_what_it_holds()
    {
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("nosuch", "x"), ("sales", "")), SqlFacts(new[] { "sales", "hr" }));
        Assert.Equal(RuleOutcome.Failed, r.Outcome);
        Assert.Contains("'nosuch' is not in backup bk", r.Message);
        Assert.Contains("sales, hr", r.Message);
    }

    [Fact]
    public void A_point_in_time_is_checked_against_the_source()
    {
        var request = PointInTime(Now.AddHours(-1), ("sales", "sales_old"));
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseToRestoreExists, request, SqlFacts(onSource: new[] { "master", "sales" })).Outcome);
        var failed = Rule(RdsRuleIds.DatabaseToRestoreExists, request, SqlFacts(onSource: new[] { "master" }));
        Assert.Equal(RuleOutcome.Failed, failed.Outcome);
        Assert.Contains("source src", failed.Message);
    }

    [Fact]
    public void A_backup_without_a_database_list_falls_back_to_the_source()
    {
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("sales", "")), SqlFacts(Array.Empty<string>(), new[] { "sales" }));
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Contains("source src", r.Message);
    }

    [Fact]
    public void Not_checked_without_facts_and_passed_without_a_map()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("sales", "")), SqlFacts()).Outcome);
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseToRestoreExists, Backup(), SqlFacts()).Outcome);
    }
}
