namespace RdsRecovery.Emulator.Rules;

/// <summary>
/// The server-side rules of a restore to an existing instance, in the order the service is assumed to
/// check them: existence, target busy, the data source (backup or time), region, engine, into itself,
/// version, time zone, disaster recovery, volume, database names. What differs between the v3 and v3.1
/// routes is read from the <see cref="RuleBook"/>. Returns what the target will hold, or throws the service's error.
/// </summary>
// Deliberate twin of RdsRecovery.Core/Rules/CompatibilityRules.cs and Checks/; in step by tests/Pester/EndToEnd.Compatibility.Tests.ps1 (each rule refused by both) and EndToEnd.Sweep.Tests.ps1 (every seeded pair, both profiles).
internal static class RestoreValidator
{
    /// <summary>How far behind now the newest restorable moment lags (log backups are not instant).</summary>
    public const long LogDelayMs = 5 * 60_000;

    public static (InstanceRecord Source, InstanceRecord Target, RestoredData Data) Check(SqliteConnection c, RestoreRequest request, long nowMs,
        RuleBook book, string ownRegion)
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

        if (!string.Equals(source.Region ?? ownRegion, target.Region ?? ownRegion, StringComparison.OrdinalIgnoreCase))
            throw ApiException.Parameter($"Parameter error: cross-region restore is not supported: source is in {source.Region ?? ownRegion}, target in {target.Region ?? ownRegion}.");
        if (!string.Equals(source.Engine, target.Engine, StringComparison.OrdinalIgnoreCase))
            throw new ApiException(400, ErrorCodes.EngineMismatch,
                $"The DB engine or version is not supported: source is {source.Engine}, target is {target.Engine}; the engines must be the same.");
        if (source.Id == target.Id && !book.SelfRestoreEngines.Contains(source.Engine, StringComparer.OrdinalIgnoreCase))
            throw ApiException.Parameter($"Parameter error: {source.Engine} cannot be restored into the original DB instance.");
        if (!VersionAllowed(source, target, book))
            throw new ApiException(400, ErrorCodes.VersionNotAllowed,
                $"The DB engine or version is not supported: {source.Engine} {source.CompleteVersion ?? source.Version} cannot be restored to {target.CompleteVersion ?? target.Version}.");
        if (book.SqlServerSameTimeZone && source.Engine == "SQLServer" && !string.Equals(source.TimeZone, target.TimeZone, StringComparison.OrdinalIgnoreCase))
            throw ApiException.Parameter($"Parameter error: the time zones of the source ({source.TimeZone}) and the target ({target.TimeZone}) must be the same.");
        if (book.PostgreSqlRefusesDisasterRecoveryTarget && source.Engine == "PostgreSQL"
            && target.Related.Any(r => string.Equals(r.Type, RuleBook.DisasterRecoveryType, StringComparison.OrdinalIgnoreCase)))
            throw ApiException.Parameter($"Parameter error: {target.Name} is in a disaster recovery relationship and cannot be the target.");
        if (book.VolumeEngines.Contains(source.Engine, StringComparer.OrdinalIgnoreCase) && target.VolumeSizeGb < source.VolumeSizeGb)
            throw new ApiException(400, ErrorCodes.VolumeTooSmall,
                $"Parameter error: the target's storage ({target.VolumeSizeGb} GB) must be at least the source's ({source.VolumeSizeGb} GB).");
        if (book.RequiresRestoreAllDatabase && source.Engine == "SQLServer")
        {
            if (request.DatabaseNames is null && request.RestoreAllDatabase != true)
                throw ApiException.Parameter("Parameter error: restore_all_database must be true to restore every database (or give database_name).");
            if (request.DatabaseNames is not null && request.RestoreAllDatabase == true)
                throw ApiException.Parameter("Parameter error: restore_all_database and database_name cannot be used together.");
        }

        if (request.DatabaseNames is null)
            return (source, target, new RestoredData(captured.Marker, captured.Databases));
        if (source.Engine != "SQLServer")
            throw ApiException.Parameter("Parameter error: database_name is supported for SQL Server only.");
        var sourceNow = EmulatorStore.StateAt(c, source, nowMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var targetNow = EmulatorStore.StateAt(c, target, nowMs)?.Databases ?? Array.Empty<DatabaseEntry>();
        var databases = DatabaseNameRules.Apply(request.DatabaseNames, captured.Databases, sourceNow, targetNow, book);
        return (source, target, new RestoredData(captured.Marker, databases));
    }

    private static bool VersionAllowed(InstanceRecord source, InstanceRecord target, RuleBook book)
    {
        if (source.Engine == "SQLServer") return SqlServerVersionTable.Allows(book.SqlServerVersions, source.Version, target.Version);
        if (!string.Equals(source.Version, target.Version, StringComparison.OrdinalIgnoreCase)) return false;
        if (source.Engine != "MySQL" || !book.MySqlMinorVersions) return true;
        var (from, to) = (Minor(source.CompleteVersion), Minor(target.CompleteVersion));
        if (from is null || to is null) return true;   // the service knows its own kernels; the fleet always has them
        return book.MySqlUpgradableVersions.Contains(source.Version) ? to >= from : to == from;
    }

    private static int? Minor(string? complete) =>
        complete?.Split('.') is { Length: >= 3 } parts && int.TryParse(parts[2], out var minor) ? minor : null;
}
