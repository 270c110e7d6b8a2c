namespace RdsRecovery.Rules;

/// <summary>
/// A compatibility report as plain text that fits a given width (the default view uses 78, so it reads well in an
/// 80-column console and in a runbook log alike): a heading, then one wrapped entry per rule, failures first.
/// </summary>
public static class CompatibilityReportText
{
    private const int OutcomeWidth = 11;

    public static string Render(CompatibilityReport report, int width)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        width = Math.Max(40, width);
        var text = new StringBuilder();
        var verdict = report.IsCompatible ? "compatible" : "NOT compatible";
        foreach (var line in Wrap($"Restore {Describe(report)}: {verdict}", width, 2)) text.AppendLine(line);
        var passed = report.Rules.Count(r => r.Outcome == RuleOutcome.Passed);
        var counts = $"Checked {report.CheckedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z under rule profile {report.RuleProfile} (API {report.ApiVersion}): " +
            $"{report.FailedRules.Count} failed, {passed} passed, {report.NotCheckedRules.Count} not checked";
        foreach (var line in Wrap(counts, width, 2)) text.AppendLine(line);
        foreach (var rule in report.Rules.OrderBy(Rank))
        {
            var outcome = rule.Outcome == RuleOutcome.Failed ? "FAILED" : rule.Outcome.ToString();
            var lines = Wrap($"{rule.RuleId}: {rule.Message}", width - OutcomeWidth - 2, 0);
            text.Append("  ").Append(outcome.PadRight(OutcomeWidth)).AppendLine(lines[0]);
            foreach (var rest in lines.Skip(1)) text.Append(' ', OutcomeWidth + 2).AppendLine(rest);
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Failures first, then what needs attention, then passes, then rules that do not apply.</summary>
    private static int Rank(RuleResult rule) => rule.Outcome switch
    {
        RuleOutcome.Failed => 0,
        RuleOutcome.NotChecked when rule.NeedsAttention => 1,
        RuleOutcome.Passed => 2,
        _ => 3,
    };

    /// <summary>Names where the facts know them, ids otherwise.</summary>
    private static string Describe(CompatibilityReport report)
    {
        if (report.Request is PartialRestoreRequest partial) return PartialDescription(partial, report.Target);
        var request = report.Request;
        var source = Name(report.Source, request.SourceInstanceId);
        var target = Name(report.Target, request.TargetInstanceId);
        var what = request.Mode == RestoreMode.Backup ? $"backup {request.BackupId} of {source}" : $"{source} as of {Validation.RestoreTimeRules.Format(request.RestoreTime!.Value)}";
        return request.IsRestoreToSource ? $"{what} into itself" : $"{what} into {target}";
    }

    private static string PartialDescription(PartialRestoreRequest request, RdsInstance? instance)
    {
        var what = request.Kind == RestoreKind.Database ? "databases" : $"tables of {request.Database}" + (request.Schema is null ? "" : $".{request.Schema}");
        return $"{what} of {Name(instance, request.InstanceId)} as of {Validation.RestoreTimeRules.Format(request.RestoreTime)} " +
            $"under new names ({string.Join(", ", request.Renames)})";
    }

    private static string Name(RdsInstance? instance, string id) =>
        instance is not null && !string.IsNullOrEmpty(instance.Name) && instance.Name != id ? $"{instance.Name} ({id})" : id;

    private static readonly char[] WordSeparators = { ' ' };

    /// <summary>Word-wraps <paramref name="text"/> to <paramref name="width"/>; lines after the first are indented.</summary>
    internal static List<string> Wrap(string text, int width, int indent)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(' ', indent);
            }
            if (line.Length > 0 && line.ToString().Trim().Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }
}
