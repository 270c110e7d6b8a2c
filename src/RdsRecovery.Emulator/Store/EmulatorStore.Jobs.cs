using System.Threading;

namespace RdsRecovery.Emulator.Store;

/// <summary>What a completed instance restore writes into its target, stored as the job's restored_json.</summary>
internal sealed record RestoredData(string Marker, IReadOnlyList<DatabaseEntry> Databases)
{
    public string ToJson() => JsonSerializer.Serialize(new Stored(Marker, StoreJson.Databases(Databases)));

    public static RestoredData FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json)!;
        return new RestoredData(stored.Marker, StoreJson.Databases(stored.DatabasesJson));
    }

    private sealed record Stored(string Marker, string DatabasesJson);
}

internal sealed partial class EmulatorStore
{
    private const string JobColumns = "id, name, source_id, target_id, target_name, created_ms, visible_ms, ends_ms, fail_reason, settled";

    public JobRecord? Job(string id) => Read(c => Rows(c, $"SELECT {JobColumns} FROM jobs WHERE id = $id", r =>
        new JobRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), StringOrNull(r, 8), r.GetInt64(9) != 0), ("$id", id)).FirstOrDefault());

    internal static bool HasUnsettledJob(SqliteConnection c, string targetId) =>
        Scalar(c, "SELECT 1 FROM jobs WHERE target_id = $id AND settled = 0 LIMIT 1", ("$id", targetId)) is not null;

    /// <summary>
    /// Stores a restore job. <paramref name="restoredJson"/> is what the target gains when it completes: a
    /// <see cref="RestoredData"/> (an instance restore) or a <see cref="PartialRestorePlan"/> (database or table level).
    /// </summary>
    internal void InsertJob(SqliteConnection c, JobRecord job, string restoredJson, string requestJson)
    {
        NonQuery(c,
            $"INSERT INTO jobs ({JobColumns}, restored_json, request_json) VALUES ($id, $name, $src, $tgt, $tname, $created, $visible, $ends, $fail, 0, $restored, $request)",
            ("$id", job.Id), ("$name", job.Name), ("$src", job.SourceId), ("$tgt", job.TargetId), ("$tname", job.TargetName),
            ("$created", job.CreatedMs), ("$visible", job.VisibleMs), ("$ends", job.EndsMs), ("$fail", job.FailReason),
            ("$restored", restoredJson), ("$request", requestJson));
        NoteDue(job.EndsMs);
    }

    /// <summary>A write at the current time once every job and backup due by then is settled: how each request that starts a job begins.</summary>
    public T WriteSettled<T>(Func<SqliteConnection, long, T> write) => Write(c =>
    {
        var now = WireTime.NowMs();
        SettleDue(c, now);
        return write(c, now);
    });

    /// <summary>Lowers the next moment <see cref="SettleDue(long)"/> has work to do.</summary>
    private void NoteDue(long endsMs) => LowerTo(ref _nextDueMs, endsMs);

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
        var due = Rows(c, "SELECT id, target_id, ends_ms, fail_reason, restored_json FROM jobs WHERE settled = 0 AND ends_ms <= $now ORDER BY ends_ms",
            r => (Id: r.GetString(0), Target: r.GetString(1), Ends: r.GetInt64(2), Failed: !r.IsDBNull(3), Restored: r.GetString(4)), ("$now", nowMs));
        foreach (var job in due)
        {
            // A database- or table-level restore adds to the target's data instead of replacing it.
            if (!job.Failed && !PartialRestorePlan.TryApply(c, job.Target, job.Ends, job.Restored))
            {
                var restored = RestoredData.FromJson(job.Restored);
                InsertState(c, job.Target, job.Ends, false, restored.Marker, restored.Databases);
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

    /// <summary>Tokens are stored only as hashes: the data file holds no usable secret.</summary>
    public void AddToken(string tokenHash, long expiresMs) => Write(c =>
    {
        NonQuery(c, "DELETE FROM tokens WHERE expires_ms < $now", ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        NonQuery(c, "INSERT OR REPLACE INTO tokens (hash, expires_ms) VALUES ($h, $e)", ("$h", tokenHash), ("$e", expiresMs));
    });

    public long? TokenExpiry(string tokenHash) => Read(c => Scalar(c, "SELECT expires_ms FROM tokens WHERE hash = $h", ("$h", tokenHash)) as long?);
}
