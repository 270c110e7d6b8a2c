namespace RdsRecovery.Rules.Checks;

/// <summary>
/// Every database the map names must be in the data being restored. For a backup that is the backup's own list:
/// a name missing there fails. For a point in time it is what the source held at that time, which the service does
/// not list; the nearest earlier backup's list is evidence only one way: a name in it passes, a name missing from
/// it may have been created after that backup, so the rule is NotChecked (with a warning), never Failed. The
/// source's current databases never decide: recovering a database dropped since is what a PITR is for.
/// The service refuses an unknown name (DBS.280128) when the request is sent.
/// </summary>
internal sealed class DatabaseToRestoreExistsRule()
    : DatabaseMapRule(RdsRuleIds.DatabaseToRestoreExists, "No database map: every database is restored.")
{
    protected override RuleResult Judge(RestoreRequest request, IReadOnlyList<KeyValuePair<string, string>> map, RestoreFacts facts)
    {
        var names = map.Select(p => p.Key).ToList();
        return request.Mode == RestoreMode.Backup ? FromBackup(request, facts, names) : AtPointInTime(request, facts, names);
    }

    private RuleResult FromBackup(RestoreRequest request, RestoreFacts facts, List<string> names)
    {
        if (facts.Backup is null)
            return RuleResult.NotChecked(Id, $"Backup {request.BackupId} was not looked up, so the map's names were not checked.");
        var backup = facts.Backup;
        if (backup.Databases.Count == 0)
            return RuleResult.Unverified(Id, $"The service listed no databases for backup {backup.Id}, so {Join(names)} could not be checked; " +
                "the service refuses a name the backup does not hold (DBS.280128) when the restore is sent.");
        var missing = Missing(names, backup.Databases);
        return missing.Count > 0
            ? RuleResult.Failed(Id, $"{Join(missing.Select(DisplayText.Quote))} {IsAre(missing)} not in backup {backup.Id} " +
                $"(it holds {string.Join(", ", backup.Databases)}). Name only databases the backup holds, or pick a backup that holds them (Get-RdsBackup lists each backup's Databases).")
            : RuleResult.Passed(Id, $"{Join(names)} {IsAre(names)} in backup {backup.Id}.");
    }

    private RuleResult AtPointInTime(RestoreRequest request, RestoreFacts facts, List<string> names)
    {
        var time = request.RestoreTime!.Value;
        var when = RestoreTimeRules.Format(time);
        if (facts.SourceBackups is null)
            return RuleResult.Unverified(Id, $"The databases source {request.SourceInstanceId} held at {when} are not known (its backups were not read), " +
                $"so {Join(names)} could not be checked; the service refuses a name that did not exist then (DBS.280128) when the restore is sent.");
        var nearest = NearestBefore(facts.SourceBackups, time);
        if (nearest is null)
            return RuleResult.Unverified(Id, $"No completed backup of source {request.SourceInstanceId} with a database list ended before {when}, " +
                $"so {Join(names)} could not be checked; the service refuses a name that did not exist then (DBS.280128) when the restore is sent.");
        var ended = RestoreTimeRules.Format(nearest.EndTime!.Value);
        var missing = Missing(names, nearest.Databases);
        return missing.Count > 0
            ? RuleResult.Unverified(Id, $"{Join(missing.Select(DisplayText.Quote))} {IsAre(missing)} not in backup {nearest.Id} (ended {ended}), the nearest before {when}; " +
                $"{(missing.Count == 1 ? "it" : "they")} may have been created after it, so this was not decided. Check the name; the service refuses one that did not exist at {when} (DBS.280128).")
            : RuleResult.Passed(Id, $"{Join(names)} {IsAre(names)} in backup {nearest.Id} (ended {ended}), the nearest before {when}.");
    }

    /// <summary>The latest completed backup with a database list that ended at or before the restore point.</summary>
    private static RdsBackup? NearestBefore(IEnumerable<RdsBackup> backups, DateTimeOffset time) => backups
        .Where(b => b.EndTime is { } end && end <= time && b.Databases.Count > 0
            && string.Equals(b.Status?.Trim(), "COMPLETED", StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(b => b.EndTime)
        .FirstOrDefault();

    private static List<string> Missing(IEnumerable<string> names, IReadOnlyCollection<string> known) =>
        names.Where(name => !known.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))).ToList();

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);

    private static string IsAre(IReadOnlyCollection<string> names) => names.Count == 1 ? "is" : "are";
}
