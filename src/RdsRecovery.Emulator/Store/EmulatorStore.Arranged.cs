namespace RdsRecovery.Emulator.Store;

/// <summary>A failure (with its reason) and/or a duration arranged for an instance's next restore or next manual backup.</summary>
internal sealed record ArrangedOutcome(string? FailReason, int? DurationMs);

/// <summary>
/// Arranged outcomes (README.md, <c>next-restore</c> and <c>next-backup</c>): one table per kind, with the same columns.
/// The restore or backup that starts next takes its arrangement and so uses it up.
/// </summary>
internal sealed partial class EmulatorStore
{
    private const string ArrangedRestores = "arranged";
    private const string ArrangedBackups = "arranged_backups";

    public void Arrange(string instanceId, ArrangedOutcome? arranged) => Write(c => SetArranged(c, ArrangedRestores, instanceId, arranged));

    public ArrangedOutcome? Arranged(string instanceId) => Read(c => ReadArranged(c, ArrangedRestores, instanceId));

    public void ArrangeBackup(string instanceId, ArrangedOutcome? arranged) => Write(c => SetArranged(c, ArrangedBackups, instanceId, arranged));

    public ArrangedOutcome? ArrangedBackup(string instanceId) => Read(c => ReadArranged(c, ArrangedBackups, instanceId));

    /// <summary>What is arranged for the restore into the instance being accepted now; it applies to this restore only.</summary>
    internal static ArrangedOutcome? TakeArrangedRestore(SqliteConnection c, string instanceId) => TakeArranged(c, ArrangedRestores, instanceId);

    private static ArrangedOutcome? TakeArranged(SqliteConnection c, string table, string instanceId)
    {
        var arranged = ReadArranged(c, table, instanceId);
        if (arranged is not null) SetArranged(c, table, instanceId, null);
        return arranged;
    }

    private static void SetArranged(SqliteConnection c, string table, string instanceId, ArrangedOutcome? arranged)
    {
        NonQuery(c, $"DELETE FROM {table} WHERE instance_id = $id", ("$id", instanceId));
        if (arranged is not null)
            NonQuery(c, $"INSERT INTO {table} (instance_id, fail_reason, duration_ms) VALUES ($id, $fail, $duration)",
                ("$id", instanceId), ("$fail", arranged.FailReason), ("$duration", arranged.DurationMs));
    }

    private static ArrangedOutcome? ReadArranged(SqliteConnection c, string table, string instanceId) =>
        Rows(c, $"SELECT fail_reason, duration_ms FROM {table} WHERE instance_id = $id",
            r => new ArrangedOutcome(StringOrNull(r, 0), r.IsDBNull(1) ? null : r.GetInt32(1)), ("$id", instanceId)).FirstOrDefault();
}
