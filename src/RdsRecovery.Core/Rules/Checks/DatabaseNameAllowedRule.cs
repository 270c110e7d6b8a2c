namespace RdsRecovery.Rules.Checks;

/// <summary>The naming policy for new SQL Server database names (the profile's length and characters; reserved words in both). Kept original names are not checked here.</summary>
internal sealed class DatabaseNameAllowedRule() : DatabaseMapRule(RdsRuleIds.DatabaseNameAllowed, "No database map: no new names to check.")
{
    protected override RuleResult Judge(RestoreRequest request, IReadOnlyList<KeyValuePair<string, string>> map, RestoreFacts facts)
    {
        var newNames = RestoredNames.Of(map, facts.Profile).Where(n => n.Renamed).Select(n => n.Name).ToList();
        if (newNames.Count == 0)
            return RuleResult.Passed(Id, "Every database keeps its original name.");
        var problems = newNames.Select(n => Problem(n, facts.Profile)).Where(p => p is not null).ToList();
        return problems.Count == 0
            ? RuleResult.Passed(Id, $"New names follow the naming policy of profile {facts.Profile.Label}: {string.Join(", ", newNames)}.")
            : RuleResult.Failed(Id, string.Join("; ", problems) + $" (profile {facts.Profile.Label}).");
    }

    /// <summary>Why <paramref name="name"/> breaks the profile's policy, or null.</summary>
    internal static string? Problem(string name, RestoreRuleProfile profile)
    {
        var shown = Validation.DisplayText.Quote(name);
        if (name.Length < RestoreRuleData.DatabaseNameMinLength || name.Length > profile.DatabaseNameMaxLength)
            return string.Format(CultureInfo.InvariantCulture, "the new name {0} is {1} characters long; names are {2} to {3} characters",
                shown, name.Length, RestoreRuleData.DatabaseNameMinLength, profile.DatabaseNameMaxLength);
        var bad = name.FirstOrDefault(c => !profile.IsDatabaseNameChar(c));
        if (bad != default(char) || name.Any(c => c == '\0'))
            return $"the new name {shown} holds {Validation.DisplayText.Quote(bad.ToString())}; names contain only {profile.DatabaseNameCharacters}" +
                (bad == ',' && !profile.SeveralNewNamesPerDatabase ? " (several new names per database need profile V31)" : "");
        var reserved = RestoreRuleData.ReservedDatabaseNameParts.FirstOrDefault(r => name.IndexOf(r, StringComparison.OrdinalIgnoreCase) >= 0);
        if (reserved is not null)
            return $"the new name {shown} contains the reserved word '{reserved}' (case-insensitive); names must not contain {string.Join(", ", RestoreRuleData.ReservedDatabaseNameParts)}";
        return null;
    }
}
