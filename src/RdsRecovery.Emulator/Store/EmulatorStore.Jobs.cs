using System.Threading;

namespace RdsRecovery.Emulator.Store;

/// <summary>What a completed restore writes into its target.</summary>
internal sealed record RestoredData(string Marker, IReadOnlyList<DatabaseEntry> Databases);

/// <summary>A failure (and optionally a duration) arranged for the next restore into an instance.</summary>
internal sealed record ArrangedRestore(string? FailReason, int? DurationMs);

internal sealed partial class EmulatorStore
{
    private const string JobColumns = "id, name, source_id, target_id, target_name, created_ms, visible_ms, ends_ms, fail_reason, settled";

    public JobRecord? Job(string id) => Read(c =>
    {
        using var command = Command(c, $"SELECT {JobColumns} FROM jobs WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new JobRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetInt64(9) != 0);
    });

    internal static bool HasUnsettledJob(SqliteConnection c, string targetId) =>
        Scalar(c, "SELECT 1 FROM jobs WHERE target_id = $id AND settled = 0 LIMIT 1", ("$id", targetId)) is not null;

    internal void InsertJob(SqliteConnection c, JobRecord job, RestoredData restored, string requestJson)
    {
        NonQuery(c,
            $"INSERT INTO jobs ({JobColumns}, restored_json, request_json) VALUES ($id, $name, $src, $tgt, $tname, $created, $visible, $ends, $fail, 0, $restored, $request)",
            ("$id", job.Id), ("$name", job.Name), ("$src", job.SourceId), ("$tgt", job.TargetId), ("$tname", job.TargetName),
            ("$created", job.CreatedMs), ("$visible", job.VisibleMs), ("$ends", job.EndsMs), ("$fail", job.FailReason),
            ("$restored", JsonSerializer.Serialize(new RestoredJson(restored.Marker, StoreJson.Databases(restored.Databases)))),
            ("$request", requestJson));
        NoteDue(job.EndsMs);
    }

    /// <summary>Lowers the next moment <see cref="SettleDue(long)"/> has work to do.</summary>
    private void NoteDue(long endsMs)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _nextDueMs);
            if (endsMs >= current) break;
        }
        while (Interlocked.CompareExchange(ref _nextDueMs, endsMs, current) != current);
    }

    /// <summary>
    /// Finishes every job whose time is up: writes the restored data into the target (unless it failed)
    /// and sets the target ACTIVE. Job state is derived from stored times, so this needs no background
    /// thread and survives restarts; it costs one comparison when nothing is due.
    /// </summary>
    public void SettleDue(long nowMs)
    {
        SettleManualBackupsDue(nowMs);
        if (nowMs < Interlocked.Read(ref _nextDueMs)) return;
        Write(c => SettleDue(c, nowMs));
    }

    internal void SettleDue(SqliteConnection c, long nowMs)
    {
        SettleManualBackups(c, nowMs);
        var due = new List<(string Id, string Target, long Ends, bool Failed, string Restored)>();
        using (var command = Command(c, "SELECT id, target_id, ends_ms, fail_reason, restored_json FROM jobs WHERE settled = 0 AND ends_ms <= $now ORDER BY ends_ms", ("$now", nowMs)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                due.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), !reader.IsDBNull(3), reader.GetString(4)));
        }
        foreach (var job in due)
        {
            // A database- or table-level restore adds to the target's data instead of replacing it.
            if (!job.Failed && !PartialRestorePlan.TryApply(c, job.Target, job.Ends, job.Restored))
            {
                var restored = JsonSerializer.Deserialize<RestoredJson>(job.Restored)!;
                InsertState(c, job.Target, job.Ends, false, restored.Marker, StoreJson.Databases(restored.DatabasesJson));
            }
            SetStatus(c, job.Target, "ACTIVE", job.Ends);
            NonQuery(c, "UPDATE jobs SET settled = 1 WHERE id = $id", ("$id", job.Id));
        }
        RecomputeNextDue(c);
    }

    private void RecomputeNextDue() => Read(c => { RecomputeNextDue(c); return 0; });

    private void RecomputeNextDue(SqliteConnection c)
    {
        var next = Scalar(c, "SELECT MIN(ends_ms) FROM jobs WHERE settled = 0");
        Interlocked.Exchange(ref _nextDueMs, next is long ms ? ms : long.MaxValue);
    }

    public void Arrange(string instanceId, ArrangedRestore? arranged) => Write(c =>
    {
        NonQuery(c, "DELETE FROM arranged WHERE instance_id = $id", ("$id", instanceId));
        if (arranged is not null)
            NonQuery(c, "INSERT INTO arranged (instance_id, fail_reason, duration_ms) VALUES ($id, $fail, $duration)",
                ("$id", instanceId), ("$fail", arranged.FailReason), ("$duration", arranged.DurationMs));
    });

    public ArrangedRestore? Arranged(string instanceId) => Read(c => Arranged(c, instanceId));

    internal static ArrangedRestore? Arranged(SqliteConnection c, string instanceId)
    {
        using var command = Command(c, "SELECT fail_reason, duration_ms FROM arranged WHERE instance_id = $id", ("$id", instanceId));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new ArrangedRestore(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    internal static void ConsumeArranged(SqliteConnection c, string instanceId) =>
        NonQuery(c, "DELETE FROM arranged WHERE instance_id = $id", ("$id", instanceId));

    /// <summary>Tokens are stored only as hashes: the data file holds no usable secret.</summary>
    public void AddToken(string tokenHash, long expiresMs) => Write(c =>
    {
        NonQuery(c, "DELETE FROM tokens WHERE expires_ms < $now", ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        NonQuery(c, "INSERT OR REPLACE INTO tokens (hash, expires_ms) VALUES ($h, $e)", ("$h", tokenHash), ("$e", expiresMs));
    });

    public long? TokenExpiry(string tokenHash) => Read(c => Scalar(c, "SELECT expires_ms FROM tokens WHERE hash = $h", ("$h", tokenHash)) as long?);

    private sealed record RestoredJson(string Marker, string DatabasesJson);
}
