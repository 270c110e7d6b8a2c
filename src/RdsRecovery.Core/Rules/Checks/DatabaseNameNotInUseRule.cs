namespace RdsRecovery.Rules.Checks;

/// <summary>
/// Restored databases must not clash. A new name must differ from every original name in the map and from every
/// database on the source and on the target; a kept original name (an empty new name) must not be on the target
/// already (the service refuses it as a clash: it never silently replaces a database); and no two restored
/// databases may land on the same name. Names compare case-insensitively, as SQL Server's default collation does.
/// </summary>
internal sealed class DatabaseNameNotInUseRule()
    : DatabaseMapRule(RdsRuleIds.DatabaseNameNotInUse, "No database map: databases are restored as they are.")
{
    protected override RuleResult Judge(RestoreRequest request, IReadOnlyList<KeyValuePair<string, string>> map, RestoreFacts facts)
    {
        var problems = new List<string>();
        var landed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var restored = RestoredNames.Of(map, facts.Profile);
        foreach (var name in restored)
        {
            if (name.Renamed && string.Equals(name.Name, name.Original, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{DisplayText.Quote(name.Original)} is renamed to its own name; give an empty new name to keep it");
            else if (name.Renamed && map.FirstOrDefault(p => string.Equals(p.Key, name.Name, StringComparison.OrdinalIgnoreCase)).Key is { } original)
                problems.Add($"the new name {DisplayText.Quote(name.Name)} is the original name of {DisplayText.Quote(original)} in the map");
            if (landed.TryGetValue(name.Name, out var other))
                problems.Add($"{DisplayText.Quote(name.Original)} and {DisplayText.Quote(other)} would both be restored as {DisplayText.Quote(name.Name)}");
            else
                landed.Add(name.Name, name.Original);
            if (name.Renamed && facts.SourceDatabaseNames is { } onSource && Contains(onSource, name.Name))
                problems.Add($"the new name {DisplayText.Quote(name.Name)} is already a database on the source");
            if (facts.TargetDatabaseNames is { } onTarget && Contains(onTarget, name.Name))
                problems.Add(name.Renamed
                    ? $"{DisplayText.Quote(name.Name)} is already a database on the target"
                    : $"{DisplayText.Quote(name.Name)} keeps its original name, which is already a database on the target (restoring under the original name never replaces a database)");
        }
        if (problems.Count > 0)
            return RuleResult.Failed(Id, string.Join("; ", problems.Distinct()) + ". Pick new names that exist on neither instance.");

        var anyRenamed = restored.Any(n => n.Renamed);
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
