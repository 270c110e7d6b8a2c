namespace RdsRecovery.Emulator.Rules;

// Deliberate twin of RdsRecovery.Core/Rules/PartialRestoreRules.cs and Rules/Partial/, never shared; in step by tests/Pester/EndToEnd.PartialRestore.Tests.ps1 and EndToEnd.PartialRestore.Tables.Tests.ps1.

/// <summary>
/// The checks every database- and table-level API shares, in the order the emulator applies them: the instance exists
/// (404 DBS.200002), its engine supports the operation (400 DBS.200040), it is not busy (409 DBS.200011), the time lies
/// in a restorable range (400 DBS.201203), fast restore only where the instance supports it (400 DBS.200001).
/// </summary>
internal static class PartialRestoreRules
{
    /// <summary>How far behind now the newest restorable moment lags (log backups are not instant); as the instance restore.</summary>
    public const long LogDelayMs = 5 * 60_000;

    public static InstanceRecord Find(SqliteConnection c, string instanceId) =>
        EmulatorStore.Instance(c, instanceId) ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {instanceId}.");

    public static void RequireEngine(InstanceRecord instance, string operation, params string[] engines)
    {
        if (!engines.Contains(instance.Engine, StringComparer.OrdinalIgnoreCase))
            throw new ApiException(400, ErrorCodes.EngineMismatch,
                $"The DB engine or version is not supported: {operation} is for {string.Join(" and ", engines)}; {instance.Name} is {instance.Engine}.");
    }

    public static void RequireIdle(SqliteConnection c, InstanceRecord instance)
    {
        if (instance.Status != "ACTIVE" || EmulatorStore.HasUnsettledJob(c, instance.Id))
            throw new ApiException(409, ErrorCodes.InstanceBusy,
                $"Another operation is being performed on the DB instance or the DB instance is faulty: {instance.Name} is {instance.Status}.");
    }

    public static bool InWindow(InstanceRecord instance, long atMs, long nowMs) =>
        instance.Windows.Any(w => w.StartMs <= atMs && atMs <= (w.EndMs ?? nowMs - LogDelayMs));

    public static void RequireInWindow(InstanceRecord instance, long atMs, long nowMs)
    {
        if (!InWindow(instance, atMs, nowMs))
            throw new ApiException(400, ErrorCodes.NoBackupForTime,
                $"No backup file is available for restoration to this time point: {WireTime.Iso(atMs)} is outside every restorable time range of {instance.Name}.");
    }

    public static void RequireFastRestore(SqliteConnection c, InstanceRecord instance, bool? requested, bool tableLevel)
    {
        if (requested != true) return;
        var (database, table) = EmulatorStore.FastRestore(c, instance.Id);
        if (!(tableLevel ? table : database))
            throw ApiException.Parameter($"Parameter error: {instance.Name} does not support fast restore for {(tableLevel ? "table" : "database")}-level restores (is_fast_restore).");
    }

    public static void RequireWithin(int count, int limit, string what, InstanceRecord instance)
    {
        if (count > limit)
            throw ApiException.Parameter($"Parameter error: {count} {what} for {instance.Name} exceed the limit of {limit} per restore.");
    }
}
