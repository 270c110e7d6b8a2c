using RdsRecovery.Model;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Rules.Facts;

namespace RdsRecovery.Core.Tests.Rules;

/// <summary>
/// The rule judges the databases of the restore point: the backup's own list, or for a point in time the list of
/// the nearest backup before it. The source's current set never decides (a database dropped since is exactly what
/// a point-in-time restore recovers).
/// </summary>
public class DatabaseToRestoreExistsTests
{
    private static RestoreFacts SqlFacts(IReadOnlyList<string>? inBackup = null, IReadOnlyCollection<string>? onSource = null,
        IReadOnlyList<RdsBackup>? sourceBackups = null) => new()
    {
        Source = Instance("src", "SQLServer", "2014_SE"),
        Target = Instance("tgt", "SQLServer", "2014_EE"),
        Backup = inBackup is null ? null : new RdsBackup { Id = "bk", InstanceId = "src", Status = "COMPLETED", Databases = inBackup },
        SourceDatabaseNames = onSource,
        SourceBackups = sourceBackups,
        Clock = Clock,
    };

    private static RdsBackup Taken(string id, DateTimeOffset end, string status = "COMPLETED", params string[] databases) =>
        new() { Id = id, InstanceId = "src", Status = status, BeginTime = end.AddMinutes(-6), EndTime = end, Databases = databases };

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
    public void A_point_in_time_restore_of_a_database_dropped_since_passes_on_the_nearest_earlier_backup()
    {
        var request = PointInTime(Now.AddHours(-1), ("sales", "sales_back"));
        var facts = SqlFacts(onSource: new[] { "master", "reporting" }, sourceBackups: new[]
        {
            Taken("newer", Now.AddMinutes(-30), databases: new[] { "reporting" }),
            Taken("nearest", Now.AddHours(-3), databases: new[] { "sales", "reporting" }),
            Taken("older", Now.AddHours(-27), databases: new[] { "reporting" }),
        });
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, request, facts);
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Contains("nearest", r.Message);
        Assert.False(r.NeedsAttention);
    }

    [Fact]
    public void A_point_in_time_never_fails_on_an_earlier_backup_the_database_may_postdate()
    {
        var request = PointInTime(Now.AddHours(-1), ("sales_2027", "x_back"));
        var facts = SqlFacts(onSource: new[] { "sales_2027" }, sourceBackups: new[] { Taken("nearest", Now.AddHours(-3), databases: new[] { "sales" }) });
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, request, facts);
        Assert.Equal(RuleOutcome.NotChecked, r.Outcome);
        Assert.True(r.NeedsAttention);
        Assert.Contains("'sales_2027'", r.Message);
        Assert.Contains("nearest", r.Message);
    }

    [Fact]
    public void A_point_in_time_ignores_the_current_set_of_the_source()
    {
        // Not on the source now, no backup before the restore point: unknown, not failed.
        var request = PointInTime(Now.AddHours(-1), ("sales", "sales_back"));
        var noEarlier = SqlFacts(onSource: new[] { "master" }, sourceBackups: new[] { Taken("later", Now.AddMinutes(-10), databases: new[] { "sales" }) });
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, request, noEarlier);
        Assert.Equal(RuleOutcome.NotChecked, r.Outcome);
        Assert.True(r.NeedsAttention);
        // On the source now, backups unknown: not proof that it existed then.
        var unknown = Rule(RdsRuleIds.DatabaseToRestoreExists, request, SqlFacts(onSource: new[] { "sales" }));
        Assert.Equal(RuleOutcome.NotChecked, unknown.Outcome);
        Assert.True(unknown.NeedsAttention);
    }

    [Fact]
    public void Failed_building_and_listless_backups_are_not_the_nearest()
    {
        var request = PointInTime(Now.AddHours(-1), ("sales", ""));
        var facts = SqlFacts(sourceBackups: new[]
        {
            Taken("failed", Now.AddHours(-2), "FAILED", "reporting"),
            Taken("nolist", Now.AddHours(-2.5)),
            Taken("good", Now.AddHours(-5), databases: new[] { "sales" }),
        });
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, request, facts);
        Assert.Equal(RuleOutcome.Passed, r.Outcome);
        Assert.Contains("good", r.Message);
    }

    [Fact]
    public void A_backup_without_a_database_list_is_not_checked_against_the_source()
    {
        var r = Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("sales", "")), SqlFacts(Array.Empty<string>(), new[] { "master" }));
        Assert.Equal(RuleOutcome.NotChecked, r.Outcome);
        Assert.True(r.NeedsAttention);
        Assert.Contains("bk", r.Message);
    }

    [Fact]
    public void Not_checked_without_facts_and_passed_without_a_map()
    {
        Assert.Equal(RuleOutcome.NotChecked, Rule(RdsRuleIds.DatabaseToRestoreExists, Backup("bk", ("sales", "")), SqlFacts()).Outcome);
        Assert.Equal(RuleOutcome.Passed, Rule(RdsRuleIds.DatabaseToRestoreExists, Backup(), SqlFacts()).Outcome);
    }
}
