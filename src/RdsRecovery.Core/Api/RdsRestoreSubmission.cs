namespace RdsRecovery.Api;

/// <summary>What the service answered to an accepted restore.</summary>
public sealed class RdsRestoreSubmission
{
    public string JobId { get; init; } = "";
    /// <summary>X-Request-Id of the accepted request.</summary>
    public string? RequestId { get; init; }
    public int HttpStatus { get; init; }
    /// <summary>The API version the restore was posted to: v3 or v3.1.</summary>
    public string ApiVersion { get; init; } = RdsApiVersions.V3;
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>Attempts made; more than one only after 429 or a busy answer (never after an unclear outcome).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The restore job to write to the pipeline at once: what was asked plus what the service answered.</summary>
    public RdsRestoreJob ToRestoreJob(string sourceInstanceId, string targetInstanceId, string? backupId, DateTimeOffset? restoreTime) => new()
    {
        JobId = JobId,
        SourceInstanceId = sourceInstanceId,
        TargetInstanceId = targetInstanceId,
        BackupId = backupId,
        RestoreTime = restoreTime?.ToUniversalTime(),
        SubmittedAt = SubmittedAt,
        RequestId = RequestId,
        Status = RdsJobStatus.Submitted,
        ApiVersion = ApiVersion,
    };

    public override string ToString() => JobId;
}
