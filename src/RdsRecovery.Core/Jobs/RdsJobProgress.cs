namespace RdsRecovery.Jobs;

/// <summary>One job's state after a poll, for a progress bar. It carries the service's own progress only, never an invented one.</summary>
public sealed class RdsJobProgress
{
    public string JobId { get; init; } = "";
    public string TargetInstanceId { get; init; } = "";
    public RdsJobStatus Status { get; init; }
    /// <summary>The service's progress text (for example "60%"), null when it gives none.</summary>
    public string? ServiceProgress { get; init; }
    /// <summary>The service's progress as a number 0-100 when its text is one; null otherwise.</summary>
    public int? ServicePercent => ParsePercent(ServiceProgress);
    /// <summary>The target instance's status once the job completed (RESTORING, ACTIVE, ...).</summary>
    public string? TargetStatus { get; init; }
    /// <summary>Time since the wait began.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>A short human description: "not yet visible", "Running", "completed, target RESTORING".</summary>
    public string Description { get; init; } = "";
    /// <summary>True on the last report for this job; Outcome is then set.</summary>
    public bool IsFinal { get; init; }
    public RdsJobWaitOutcome? Outcome { get; init; }

    internal static int? ParsePercent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text!.Trim().TrimEnd('%').Trim();
        return int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p >= 0 && p <= 100 ? p : null;
    }

    public override string ToString() => $"{JobId}: {Description}";
}
