namespace RdsRecovery.Rules.Checks;

internal sealed class DatabaseMapOnlyForSqlServerRule()
    : DatabaseMapRule(RdsRuleIds.DatabaseMapOnlyForSqlServer, "No database map: every database is restored.")
{
    protected override RuleResult Judge(RestoreRequest request, IReadOnlyList<KeyValuePair<string, string>> map, RestoreFacts facts)
    {
        var source = facts.Source;
        if (source is null || !Describe.NotBlank(source.Engine))
            return RuleResult.NotChecked(Id, "A database map is given but the source's engine is not known; the map is valid for SQL Server only.");
        return RdsEngines.Parse(source.Engine) == RdsEngine.SqlServer
            ? RuleResult.Passed(Id, "The source runs SQL Server, which takes a database map.")
            : RuleResult.Failed(Id, $"{Describe.Instance("Source", source)} runs {Describe.Engine(source)}; a database map (-DatabaseName) is for SQL Server only. Leave it out to restore every database.");
    }
}
