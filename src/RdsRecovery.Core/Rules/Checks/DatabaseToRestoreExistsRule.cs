using System;
using System.Collections.Generic;
using System.Linq;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Rules.Checks;

/// <summary>
/// Every database the map names must be there to restore: in the backup's database list for a backup restore, on
/// the source for a point in time (or for a backup whose list the service did not return). The service refuses
/// an unknown name (DBS.280128) only after the request is sent; this says so before.
/// </summary>
internal sealed class DatabaseToRestoreExistsRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.DatabaseToRestoreExists;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var map = request.DatabaseMap;
        if (map is null)
            return RuleResult.Passed(Id, "No database map: every database is restored.");

        var (known, where) = KnownDatabases(request, facts);
        if (known is null)
            return RuleResult.NotChecked(Id, "The databases of the backup and the source are not known, so the map's names were not looked up.");

        var missing = map.Select(p => p.Key).Where(name => !known.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
            return RuleResult.Failed(Id, $"{string.Join(", ", missing.Select(DisplayText.Quote))} {(missing.Count == 1 ? "is" : "are")} not in {where} " +
                $"(it holds {string.Join(", ", known)}). Name only databases that are there.");
        return RuleResult.Passed(Id, $"{string.Join(", ", map.Select(p => p.Key))} {(map.Count == 1 ? "is" : "are")} in {where}.");
    }

    private static (IReadOnlyCollection<string>? Names, string Where) KnownDatabases(RestoreRequest request, RestoreFacts facts)
    {
        if (request.Mode == RestoreMode.Backup && facts.Backup is { Databases.Count: > 0 } backup)
            return (backup.Databases, $"backup {backup.Id}");
        return (facts.SourceDatabaseNames, $"source {request.SourceInstanceId}");
    }
}
