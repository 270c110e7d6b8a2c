namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// What a piped object means, beyond what PowerShell binds by property name: a backup's own id is its backup id (an
/// instance's own id is bound as the instance by the 'Id' alias), and a restore job is followed, never read as an
/// instance nor replayed as a restore. The binding table in tests/Pester/EndToEnd.Binding.Tests.ps1 is the contract.
/// </summary>
internal static class PipelineInput
{
    /// <summary>A restore job: ours, or a row or JSON object of one (it has a job id).</summary>
    public static bool IsRestoreJob(object? input)
    {
        var raw = PropertyBag.Unwrap(input);
        if (raw is RdsRestoreJob) return true;
        if (raw is RdsInstance or RdsBackup or RdsRestoreWindow or RdsSqlServerDatabase) return false;
        return PropertyBag.Over(input)?.Get("JobId", "job_id") is not null;
    }

    /// <summary>
    /// The backup id a piped object stands for: an RdsBackup's Id, or the id of an object that also names its instance
    /// (the API's backup shape, or Export-Csv of our backups). Null for anything else.
    /// </summary>
    public static string? BackupIdOf(object? input)
    {
        var raw = PropertyBag.Unwrap(input);
        if (raw is RdsBackup backup) return backup.Id;
        if (raw is RdsInstance or RdsRestoreJob or RdsRestoreWindow or RdsSqlServerDatabase) return null;
        var bag = PropertyBag.Over(input);
        if (bag is null || bag.Get("instance_id", "InstanceId") is null) return null;
        return bag.Get("id") is string id && id.Trim().Length > 0 ? id : null;
    }

    /// <summary>A plain value piped in (a string such as an id or a name), or null for an object with fields.</summary>
    public static string? TextOf(object? input) => PropertyBag.Unwrap(input) switch
    {
        string s => s,
        System.IConvertible c when PropertyBag.Over(input) is null => c.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The instance a piped value names: a string itself, else an object's InstanceId, instance_id or Id.</summary>
    public static string? InstanceIdOf(object? input) =>
        TextOf(input) ?? PropertyBag.Over(input)?.Get("InstanceId", "instance_id", "Id") as string;

    /// <summary>A job piped where an instance is expected: it names two, and which one is meant is not guessed.</summary>
    public static RdsError JobIsNotAnInstance(object? input) =>
        Refused(input, $"{Describe(input)} is a restore job, not an instance, and it names two. " +
            "Pass -InstanceId $job.TargetInstanceId (or $job.SourceInstanceId) for the one you mean.");

    /// <summary>A job piped into a restore: a restore already sent is never replayed from the pipeline.</summary>
    public static RdsError JobIsNotARestorePlan(object? input) =>
        Refused(input, $"{Describe(input)} is a restore already sent; it is not replayed from the pipeline. Follow it with " +
            "Get-RdsRestoreJob or Wait-RdsRestoreJob; to restore again, give -SourceInstanceId, -TargetInstanceId and -BackupId or -RestoreTime.");

    public static RdsError Refused(object? input, string problem) =>
        new(RdsErrorIds.UnsupportedPipelineInput, problem + " Nothing was read for it.",
            PropertyBag.Unwrap(input), "InputObject");

    public static RdsError BackupConflict(string piped, string given) =>
        new(RdsErrorIds.PipelineInputConflict,
            $"A backup ({piped}) was piped in and -BackupId {given} was given too; nothing was sent. Give one of them.", given, "BackupId");

    private static string Describe(object? input) => PropertyBag.Unwrap(input) is RdsRestoreJob job
        ? $"The piped RdsRestoreJob {job.JobId} (source {job.SourceInstanceId}, target {job.TargetInstanceId})"
        : "The piped object";
}
