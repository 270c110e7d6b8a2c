using System;
using System.Linq;
using Microsoft.Data.Sqlite;
using RdsRecovery.Emulator.Http;
using RdsRecovery.Emulator.Store;

namespace RdsRecovery.Emulator.Rules;

/// <summary>
/// The server-side rules of a restore to an existing instance, in the order the service is assumed to
/// check them: existence, target busy, the data source (backup or time), engine, version, volume,
/// database names. Returns what the target will hold, or throws the service's error.
/// </summary>
// Deliberate twin of RdsRecovery.Core/Rules/CompatibilityRules.cs and Checks/; in step by tests/Pester/EndToEnd.Compatibility.Tests.ps1 (each rule refused by both).
internal static class RestoreValidator
{
    /// <summary>How far behind now the newest restorable moment lags (log backups are not instant).</summary>
    public const long LogDelayMs = 5 * 60_000;

    public static (InstanceRecord Source, InstanceRecord Target, RestoredData Data) Check(SqliteConnection c, RestoreRequest request, long nowMs)
    {
        var source = EmulatorStore.Instance(c, request.SourceId)
            ?? throw new ApiException(404, ErrorCodes.SourceInstanceNotFound, $"The original DB instance does not exist: {request.SourceId}.");
        var target = EmulatorStore.Instance(c, request.TargetId)
            ?? throw new ApiException(404, ErrorCodes.InstanceNotFound, $"The DB instance does not exist: {request.TargetId}.");
        if (target.Status != "ACTIVE" || EmulatorStore.HasUnsettledJob(c, target.Id))
            throw new ApiException(409, ErrorCodes.InstanceBusy,
                $"Another operation is being performed on the DB instance or the DB instance is faulty: target {target.Name} is {target.Status}.");
        if (source.Status == "RESTORING")
            throw new ApiException(409, ErrorCodes.InstanceBusy,
                $"Another operation is being performed on the DB instance or the DB instance is faulty: source {source.Name} is RESTORING.");

        DataState captured;
        if (request.FromBackup)
        {
            var backup = EmulatorStore.Backup(c, request.BackupId!)
                ?? throw new ApiException(404, ErrorCodes.BackupNotFound, $"The backup information does not exist: {request.BackupId}.");
            if (backup.InstanceId != source.Id)
                throw new ApiException(400, ErrorCodes.BackupNotUsable, $"The backup does not exist: {backup.Id} does not belong to source instance {source.Id}.");
            if (backup.Status == "BUILDING")
                throw new ApiException(409, ErrorCodes.BackupInProgress, $"Backup is in progress: {backup.Id} is BUILDING.");
            if (backup.Status != "COMPLETED")
                throw new ApiException(400, ErrorCodes.BackupNotUsable, $"The backup does not exist: {backup.Id} is {backup.Status}, not COMPLETED.");
            captured = new DataState(backup.Marker, backup.Databases, backup.EndMs ?? backup.BeginMs, false);
        }
        else
        {
            var at = request.RestoreTimeMs!.Value;
            if (!source.Windows.Any(w => w.StartMs <= at && at <= (w.EndMs ?? nowMs - LogDelayMs)))
                throw new ApiException(400, ErrorCodes.NoBackupForTime,
                    $"No backup file is available for restoration to this time point: {WireTime.Iso(at)} is outside every restorable time range of {source.Name}.");
            captured = EmulatorStore.StateAt(c, source, at)
                ?? throw new ApiException(400, ErrorCodes.NoBackupForTime, $"No backup file is available for restoration to this time point: {WireTime.Iso(at)}.");
        }

        if (!string.Equals(source.Engine, target.Engine, StringComparison.OrdinalIgnoreCase))
            throw new ApiException(400, ErrorCodes.EngineMismatch,
                $"The DB engine or version is not supported: source is {source.Engine}, target is {target.Engine}; the engines must be the same.");
        var versionAllowed = source.Engine == "SQLServer"
            ? SqlServerEditionTable.Allows(source.Version, target.Version)
            : string.Equals(source.Version, target.Version, StringComparison.OrdinalIgnoreCase);
        if (!versionAllowed)
            throw new ApiException(400, ErrorCodes.VersionNotAllowed,
                $"The DB engine or version is not supported: {source.Engine} {source.Version} cannot be restored to {target.Version}.");
        if (target.VolumeSizeGb < source.VolumeSizeGb)
            throw new ApiException(400, ErrorCodes.VolumeTooSmall,
                $"Parameter error: the target's storage ({target.VolumeSizeGb} GB) must be at least the source's ({source.VolumeSizeGb} GB).");

        if (request.DatabaseNames is null)
            return (source, target, new RestoredData(captured.Marker, captured.Databases));
        if (source.Engine != "SQLServer")
            throw ApiException.Parameter("Parameter error: database_name is supported for SQL Server only.");
        var sourceNow = EmulatorStore.StateAt(c, source, nowMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var targetNow = EmulatorStore.StateAt(c, target, nowMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var databases = DatabaseNameRules.Apply(request.DatabaseNames, captured.Databases, sourceNow, targetNow);
        return (source, target, new RestoredData(captured.Marker, databases));
    }
}
