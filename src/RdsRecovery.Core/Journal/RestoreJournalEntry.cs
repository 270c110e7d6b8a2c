using System.Text.Json.Serialization;

namespace RdsRecovery.Journal;

/// <summary>What happened to one restore request, as one line of the local journal.</summary>
public enum RestoreJournalPhase
{
    /// <summary>About to be sent: if no later line follows, the process died while sending.</summary>
    Sending,
    /// <summary>The service accepted it and answered with a job id.</summary>
    Submitted,
    /// <summary>Sent, but the answer was lost (timeout, 5xx, dropped connection): the job may exist.</summary>
    OutcomeUnknown,
    /// <summary>The service refused it: nothing was started.</summary>
    Refused,
    /// <summary>
    /// A person checked an unresolved restore (Sending with nothing after it, or OutcomeUnknown) and acknowledged it
    /// (Get-RdsRestoreJob -Acknowledge): it is no longer warned about.
    /// </summary>
    Acknowledged,
    /// <summary>
    /// Restore-RdsInstance -BackupTargetFirst: the safety backup of the target is about to be requested. These backup
    /// lines come before the restore's own lines of the same attempt; if no restore line follows, no restore was sent.
    /// </summary>
    SafetyBackupSending,
    /// <summary>The service made the safety backup (its id in safetyBackupId); it is being followed to COMPLETED.</summary>
    SafetyBackupStarted,
    /// <summary>The safety backup is COMPLETED and the target ACTIVE again: the restore is sent next.</summary>
    SafetyBackupTaken,
    /// <summary>The safety backup was refused, failed, timed out or was stopped: no restore was sent (detail says why).</summary>
    SafetyBackupFailed,
}

/// <summary>
/// One journal line. Never holds a secret: the body of a restore request carries only ids, a time and
/// database names.
/// </summary>
public sealed class RestoreJournalEntry
{
    [JsonPropertyName("time")] public DateTimeOffset Time { get; set; }
    [JsonPropertyName("phase")] public RestoreJournalPhase Phase { get; set; }
    /// <summary>Ties the lines of one restore attempt together.</summary>
    [JsonPropertyName("attemptId")] public string AttemptId { get; set; } = "";
    [JsonPropertyName("user")] public string User { get; set; } = "";
    [JsonPropertyName("machine")] public string Machine { get; set; } = "";
    [JsonPropertyName("processId")] public int ProcessId { get; set; }
    [JsonPropertyName("endpoint")] public string Endpoint { get; set; } = "";
    [JsonPropertyName("projectId")] public string ProjectId { get; set; } = "";
    [JsonPropertyName("sourceInstanceId")] public string SourceInstanceId { get; set; } = "";
    [JsonPropertyName("targetInstanceId")] public string TargetInstanceId { get; set; } = "";
    [JsonPropertyName("backupId")] public string? BackupId { get; set; }
    [JsonPropertyName("restoreTime")] public DateTimeOffset? RestoreTime { get; set; }
    /// <summary>The exact JSON body that was (to be) sent.</summary>
    [JsonPropertyName("body")] public string Body { get; set; } = "";
    /// <summary>The API version the body was (to be) posted to: v3 or v3.1.</summary>
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; set; }
    /// <summary>The rule profile the restore was checked under; null when the rules were skipped.</summary>
    [JsonPropertyName("ruleProfile")] public string? RuleProfile { get; set; }
    /// <summary>Database or Table for a database- or table-level restore; null (absent) for a whole instance.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    /// <summary>Database and table restores: what was restored under which new name ("old -> new, ...").</summary>
    [JsonPropertyName("restoredObjects")] public string? RestoredObjects { get; set; }
    [JsonPropertyName("jobId")] public string? JobId { get; set; }
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }
    [JsonPropertyName("detail")] public string? Detail { get; set; }
    /// <summary>The manual backup of the target taken before this restore (-BackupTargetFirst): what Undo-RdsRestore restores.</summary>
    [JsonPropertyName("safetyBackupId")] public string? SafetyBackupId { get; set; }

    /// <summary>True for the lines of the safety-backup step (they come before the restore's own lines).</summary>
    [JsonIgnore] public bool IsSafetyBackupStep => Phase is RestoreJournalPhase.SafetyBackupSending or RestoreJournalPhase.SafetyBackupStarted
        or RestoreJournalPhase.SafetyBackupTaken or RestoreJournalPhase.SafetyBackupFailed;

    /// <summary>A later line of the same attempt (an acknowledgement, or the job it was tied to), written by this process.</summary>
    public RestoreJournalEntry FollowUp(RestoreJournalPhase phase, DateTimeOffset time, string? jobId, string? detail)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new RestoreJournalEntry
        {
            Time = time, Phase = phase, AttemptId = AttemptId, User = Environment.UserName, Machine = Environment.MachineName,
            ProcessId = process.Id, Endpoint = Endpoint, ProjectId = ProjectId, SourceInstanceId = SourceInstanceId,
            TargetInstanceId = TargetInstanceId, BackupId = BackupId, RestoreTime = RestoreTime, Body = Body, ApiVersion = ApiVersion,
            RuleProfile = RuleProfile, Kind = Kind, RestoredObjects = RestoredObjects, JobId = jobId, Detail = detail,
            SafetyBackupId = SafetyBackupId,
        };
    }

    /// <summary>The job this line records, as the service last knew it when the line was written.</summary>
    public RdsRestoreJob ToRestoreJob() => new()
    {
        JobId = JobId ?? "",
        SourceInstanceId = SourceInstanceId,
        TargetInstanceId = TargetInstanceId,
        BackupId = BackupId,
        RestoreTime = RestoreTime,
        SubmittedAt = Time,
        RequestId = RequestId,
        ApiVersion = ApiVersion,
        RuleProfile = RuleProfile,
        SafetyBackupId = SafetyBackupId,
        Kind = Enum.TryParse<RestoreKind>(Kind, out var kind) ? kind : RestoreKind.Instance,
        RestoredObjects = RestoredObjects,
        Status = Phase == RestoreJournalPhase.Submitted ? RdsJobStatus.Submitted : RdsJobStatus.Unknown,
    };
}
