namespace RdsRecovery.Emulator.Api;

/// <summary>
/// Accepts one database- or table-level restore job into an instance: the job is followed through ListJobInfo like an
/// instance restore, the instance is RESTORING (busy) while it runs, and a failure or duration arranged through
/// <c>/_emulator/instances/{id}/next-restore</c> applies to it. A fast restore takes half the time.
/// </summary>
internal static class PartialRestoreJobs
{
    public const string DatabaseJobName = "RestoreDatabasesInInstance";
    public const string TableJobName = "RestoreTablesInInstance";

    public static string Accept(SqliteConnection c, EmulatorServices services, InstanceRecord instance, string name, PartialRestorePlan plan,
        string? failReason, bool fast, string requestJson, bool hyphenatedId, long nowMs)
    {
        var store = services.Store;
        var arranged = EmulatorStore.Arranged(c, instance.Id);
        var duration = arranged?.DurationMs ?? (fast ? services.Settings.JobDurationMs / 2 : services.Settings.JobDurationMs);
        // The documented example of BatchRestoreDatabase answers a hyphenated UUID as job_id.
        var id = Guid.NewGuid().ToString(hyphenatedId ? "D" : "N");
        var job = new JobRecord(id, name, instance.Id, instance.Id, instance.Name, nowMs, nowMs + services.Settings.JobInvisibleMs,
            nowMs + duration, arranged?.FailReason ?? failReason, false);
        store.InsertPartialJob(c, job, plan, requestJson);
        if (arranged is not null) EmulatorStore.ConsumeArranged(c, instance.Id);
        EmulatorStore.SetStatus(c, instance.Id, "RESTORING", nowMs);
        return id;
    }
}
