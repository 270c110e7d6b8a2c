namespace RdsRecovery.Rules.Partial;

/// <summary>
/// DatabaseToRestoreExists: every database named (to restore, or holding the tables to restore) existed at the point
/// in time, as ListHistoryDatabase lists it.
/// </summary>
internal sealed class DatabasesExistedRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.DatabaseToRestoreExists;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var wanted = request.Kind == RestoreKind.Database ? request.Renames.Select(r => r.OldName).ToList() : new List<string> { request.Database! };
        var listing = facts.HistoryDatabases;
        if (listing is null)
            return RuleResult.NotChecked(Id, $"The databases of instance {request.InstanceId} at {RestoreTimeRules.Format(request.RestoreTime)} were not looked up.");
        var existed = listing.Databases.Where(d => d.InstanceId == request.InstanceId).Select(d => d.Name).ToList();
        var missing = wanted.Where(w => !existed.Contains(w, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
            return RuleResult.Passed(Id, $"{Names(wanted)} existed at {RestoreTimeRules.Format(request.RestoreTime)}.");
        return RuleResult.Failed(Id, $"{Names(missing)} did not exist on instance {request.InstanceId} at {RestoreTimeRules.Format(request.RestoreTime)}. "
            + $"The databases then were: {Shown(existed)}. List them with Get-RdsRestorableDatabase -InstanceId {request.InstanceId} -RestoreTime <time>.");
    }

    internal static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(DisplayText.Quote));

    internal static string Shown(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none" : Names(names.Take(10)) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
}

/// <summary>TableToRestoreExists: PostgreSQL from the history listing; MySQL has none, so it is NotChecked.</summary>
internal sealed class TablesExistedRule : IPartialRestoreRule
{
    public string Id => RdsRuleIds.TableToRestoreExists;

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        if (request.Engine != RdsEngine.PostgreSql)
            return RuleResult.Unverified(Id, "The service lists the tables at a point in time for PostgreSQL only; for MySQL it is not checked. A table that did not exist then is not restored.");
        if (facts.HistoryTables is null)
            return RuleResult.NotChecked(Id, $"The tables of {request.Database}.{request.Schema} at {RestoreTimeRules.Format(request.RestoreTime)} were not looked up.");
        var existed = Existed(request, facts.HistoryTables);
        var missing = request.Renames.Select(r => r.OldName).Where(n => !existed.Contains(n, StringComparer.Ordinal)).ToList();
        return missing.Count == 0
            ? RuleResult.Passed(Id, $"{DatabasesExistedRule.Names(request.Renames.Select(r => r.OldName))} existed in {request.Database}.{request.Schema} then.")
            : RuleResult.Failed(Id, $"{DatabasesExistedRule.Names(missing)} did not exist in {request.Database}.{request.Schema} on instance {request.InstanceId} at {RestoreTimeRules.Format(request.RestoreTime)}. "
                + $"The tables then were: {DatabasesExistedRule.Shown(existed)}. List them with Get-RdsRestorableTable.");
    }

    internal static IReadOnlyList<string> Existed(PartialRestoreRequest request, RdsHistoryListing listing) =>
        listing.Tables.Where(t => t.InstanceId == request.InstanceId && t.Database == request.Database && t.Schema == request.Schema).Select(t => t.Name).ToList();
}

/// <summary>DatabaseNameAllowed / TableNameAllowed: new names follow the engine's grammar (<see cref="PartialNameGrammar"/>).</summary>
internal sealed class NewNamesAllowedRule : IPartialRestoreRule
{
    public NewNamesAllowedRule(string id) => Id = id;

    public string Id { get; }

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        var engine = facts.Instance is { } i ? RdsEngines.Parse(i.Engine) : request.Engine;
        if (engine is not (RdsEngine.MySql or RdsEngine.PostgreSql))
            return RuleResult.NotChecked(Id, "The instance's engine is not known (or offers no such restore), so its naming rules are not known.");
        var problems = new List<string>();
        foreach (var rename in request.Renames)
        {
            // The database-level page: databases whose names hold Chinese (non-ASCII) characters cannot be restored.
            if (request.Kind == RestoreKind.Database && rename.OldName.Any(c => c > 127))
                problems.Add($"{DisplayText.Quote(rename.OldName)} holds non-ASCII characters, which the database restore does not support");
            if (PartialNameGrammar.Problem(rename.NewName, request.Kind, engine, facts.Instance?.EngineVersion) is { } problem)
                problems.Add($"{DisplayText.Quote(rename.NewName)}: {problem}");
        }
        return problems.Count == 0
            ? RuleResult.Passed(Id, $"Every new name follows the {RdsEngines.DisplayName(engine)} naming rules.")
            : RuleResult.Failed(Id, string.Join("; ", problems) + ".");
    }
}

/// <summary>
/// DatabaseNameNotInUse / TableNameNotInUse: no new name is taken. Databases: against the instance's databases now
/// and at the point in time. PostgreSQL tables: against the tables of the schema at the point in time (the service
/// lists no tables of now). MySQL tables: not listed, so NotChecked.
/// </summary>
internal sealed class NewNamesNotInUseRule : IPartialRestoreRule
{
    public NewNamesNotInUseRule(string id) => Id = id;

    public string Id { get; }

    public RuleResult Evaluate(PartialRestoreRequest request, PartialRestoreFacts facts)
    {
        IReadOnlyCollection<string>? taken;
        string where;
        if (request.Kind == RestoreKind.Database)
        {
            if (facts.DatabasesNow is null && facts.HistoryDatabases is null)
                return RuleResult.Unverified(Id, $"The databases of instance {request.InstanceId} were not listed, so the new names were not compared with them.");
            taken = (facts.DatabasesNow ?? Array.Empty<string>())
                .Concat(facts.HistoryDatabases?.Databases.Where(d => d.InstanceId == request.InstanceId).Select(d => d.Name) ?? Array.Empty<string>()).ToList();
            where = facts.DatabasesNow is null ? "at the point in time" : "now or at the point in time";
        }
        else if (request.Engine == RdsEngine.PostgreSql && facts.HistoryTables is not null)
        {
            taken = TablesExistedRule.Existed(request, facts.HistoryTables);
            where = $"in {request.Database}.{request.Schema} at the point in time (the service lists no tables of now)";
        }
        else
        {
            return RuleResult.Unverified(Id, $"The tables of {request.Database} now are not listed by the service, so the new names were not compared with them; a name in use makes the restore fail.");
        }
        var clashes = request.Renames.Select(r => r.NewName).Where(n => taken.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        return clashes.Count == 0
            ? RuleResult.Passed(Id, $"No new name is taken {where}.")
            : RuleResult.Failed(Id, $"{DatabasesExistedRule.Names(clashes)} {(clashes.Count == 1 ? "is" : "are")} already taken on instance {request.InstanceId} ({where}). Choose new names that are not in use.");
    }
}
