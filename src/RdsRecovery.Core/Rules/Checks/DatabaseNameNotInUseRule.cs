using System;
using System.Collections.Generic;
using System.Linq;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Rules.Checks;

/// <summary>
/// Restored databases must not clash. A new name must differ from every database on the source (its own original
/// included) and on the target; an empty new name keeps the original name, so it is compared with the target only;
/// and no two entries may land on the same name. Names compare case-insensitively, as SQL Server's default collation does.
/// </summary>
internal sealed class DatabaseNameNotInUseRule : ICompatibilityRule
{
    public string Id => RdsRuleIds.DatabaseNameNotInUse;

    public RuleResult Evaluate(RestoreRequest request, RestoreFacts facts)
    {
        var map = request.DatabaseMap;
        if (map is null)
            return RuleResult.Passed(Id, "No database map: databases are restored as they are.");

        var problems = new List<string>();
        var landed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in map)
        {
            var renamed = pair.Value.Length > 0;
            var finalName = renamed ? pair.Value : pair.Key;
            if (renamed && string.Equals(pair.Value, pair.Key, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{DisplayText.Quote(pair.Key)} is renamed to its own name; give an empty new name to keep it");
            if (landed.TryGetValue(finalName, out var other))
                problems.Add($"{DisplayText.Quote(pair.Key)} and {DisplayText.Quote(other)} would both be restored as {DisplayText.Quote(finalName)}");
            else
                landed.Add(finalName, pair.Key);
            if (renamed && facts.SourceDatabaseNames is { } onSource && Contains(onSource, pair.Value))
                problems.Add($"the new name {DisplayText.Quote(pair.Value)} is already a database on the source");
            if (facts.TargetDatabaseNames is { } onTarget && Contains(onTarget, finalName))
                problems.Add($"{DisplayText.Quote(finalName)} is already a database on the target");
        }
        if (problems.Count > 0)
            return RuleResult.Failed(Id, string.Join("; ", problems) + ". Pick new names that exist on neither instance.");

        var anyRenamed = map.Any(p => p.Value.Length > 0);
        var unknown = new List<string>();
        if (anyRenamed && facts.SourceDatabaseNames is null) unknown.Add("source");
        if (facts.TargetDatabaseNames is null) unknown.Add("target");
        if (unknown.Count > 0)
            return RuleResult.NotChecked(Id, $"No clash within the map; the database names on the {string.Join(" and the ", unknown)} are not known, so they were not compared.");
        return RuleResult.Passed(Id, $"None of {string.Join(", ", landed.Keys)} exists on the target" + (anyRenamed ? " and no new name exists on the source." : "."));
    }

    private static bool Contains(IEnumerable<string> names, string name) =>
        names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
