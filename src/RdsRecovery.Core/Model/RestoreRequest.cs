using System.Diagnostics.CodeAnalysis;

namespace RdsRecovery.Model;

/// <summary>
/// One restore to an existing (or the current) instance: source, target, backup or point in time, and for SQL Server
/// an optional database map. Only valid requests exist: every factory runs the input validation (id grammar, backup
/// XOR time, time range, map shape), so a request can always be sent as is.
/// </summary>
/// <remarks>
/// The target is always stated, never defaulted to the source: a missing column or a blank cell in an input file
/// must never turn into "overwrite the source".
/// </remarks>
public sealed partial class RestoreRequest : IRestoreOperation
{
    /// <summary>Always Instance: the whole instance is restored.</summary>
    public RestoreKind Kind => RestoreKind.Instance;

    // Only TryCreate builds one, after validating every value.
    private RestoreRequest() { }

    public string SourceInstanceId { get; private init; } = "";
    public string TargetInstanceId { get; private init; } = "";
    public RestoreMode Mode { get; private init; }
    /// <summary>Set when <see cref="Mode"/> is Backup.</summary>
    public string? BackupId { get; private init; }
    /// <summary>Set (in UTC, to the millisecond) when <see cref="Mode"/> is PointInTime.</summary>
    public DateTimeOffset? RestoreTime { get; private init; }
    /// <summary>SQL Server only: old name to new name, in the order given; an empty new name keeps the original name. Null restores every database.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? DatabaseMap { get; private init; }

    /// <summary>True when the restore overwrites the instance the data comes from.</summary>
    public bool IsRestoreToSource => string.Equals(SourceInstanceId, TargetInstanceId, StringComparison.Ordinal);

    /// <summary>restore_time as the API sends it: Unix milliseconds UTC.</summary>
    public long? RestoreTimeUnixMilliseconds => RestoreTime?.ToUnixTimeMilliseconds();

    /// <summary>A backup restore, validated; throws <see cref="RdsValidationException"/> when refused.</summary>
    public static RestoreRequest ForBackup(string sourceInstanceId, string targetInstanceId, string backupId,
        IEnumerable<KeyValuePair<string, string?>>? databaseMap = null) =>
        Create(sourceInstanceId, targetInstanceId, backupId, null, databaseMap, SystemClock.Instance);

    /// <summary>A point-in-time restore, validated against <paramref name="clock"/> (default: the system clock).</summary>
    public static RestoreRequest ForPointInTime(string sourceInstanceId, string targetInstanceId, DateTimeOffset restoreTime,
        IEnumerable<KeyValuePair<string, string?>>? databaseMap = null, IClock? clock = null) =>
        Create(sourceInstanceId, targetInstanceId, null, restoreTime, databaseMap, clock ?? SystemClock.Instance);

    /// <summary>Validates the input and builds the request; throws <see cref="RdsValidationException"/> with every refusal.</summary>
    public static RestoreRequest Create(string? sourceInstanceId, string? targetInstanceId, string? backupId,
        DateTimeOffset? restoreTime, IEnumerable<KeyValuePair<string, string?>>? databaseMap, IClock clock)
    {
        if (TryCreate(sourceInstanceId, targetInstanceId, backupId, restoreTime, databaseMap, clock, out var request, out var errors))
            return request;
        throw new RdsValidationException(errors);
    }

    /// <summary>
    /// Validates the input and builds the request. On refusal <paramref name="errors"/> holds every problem found, in a
    /// fixed order: source id, target id, backup or time, map.
    /// </summary>
    public static bool TryCreate(string? sourceInstanceId, string? targetInstanceId, string? backupId,
        DateTimeOffset? restoreTime, IEnumerable<KeyValuePair<string, string?>>? databaseMap, IClock clock,
        [NotNullWhen(true)] out RestoreRequest? request, out IReadOnlyList<RdsError> errors)
    {
        if (clock is null) throw new ArgumentNullException(nameof(clock));
        var found = new List<RdsError>();
        Add(found, IdentifierRules.CheckInstanceId(sourceInstanceId, "source", "SourceInstanceId"));
        Add(found, IdentifierRules.CheckInstanceId(targetInstanceId, "target", "TargetInstanceId"));

        var hasBackup = backupId is not null;
        var hasTime = restoreTime.HasValue;
        RestoreMode mode = RestoreMode.Backup;
        if (hasBackup && hasTime)
        {
            found.Add(BothGiven(backupId!, restoreTime!.Value, RestoreTimeRules.Format(restoreTime!.Value)));
        }
        else if (!hasBackup && !hasTime)
        {
            found.Add(new RdsError(RdsErrorIds.BackupOrRestoreTimeRequired,
                "Neither a backup nor a point in time was given. Give -BackupId to restore a backup, or -RestoreTime to restore to a point in time.",
                null, "BackupId"));
        }
        else if (hasBackup)
        {
            Add(found, IdentifierRules.CheckBackupId(backupId, "BackupId"));
        }
        else
        {
            mode = RestoreMode.PointInTime;
            Add(found, RestoreTimeRules.Check(restoreTime!.Value, clock));
        }

        List<KeyValuePair<string, string>>? map = null;
        if (databaseMap is not null)
        {
            var pairs = databaseMap.ToList();
            var mapError = DatabaseMapRules.Check(pairs);
            if (mapError is not null) found.Add(mapError.WithTarget(databaseMap));
            else map = pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToList();
        }

        if (found.Count > 0)
        {
            request = null;
            errors = found;
            return false;
        }
        // The wire carries milliseconds: drop finer ticks now so the request shows exactly what is sent.
        DateTimeOffset? time = hasTime ? DateTimeOffset.FromUnixTimeMilliseconds(restoreTime!.Value.ToUnixTimeMilliseconds()) : null;
        request = new RestoreRequest
        {
            SourceInstanceId = sourceInstanceId!, TargetInstanceId = targetInstanceId!, Mode = mode, BackupId = hasBackup ? backupId : null,
            RestoreTime = time, DatabaseMap = map?.AsReadOnly(),
        };
        errors = Array.Empty<RdsError>();
        return true;
    }

    /// <summary>BackupAndRestoreTimeBothGiven; <paramref name="timeText"/> is how the time is shown (a time, or the word Latest).</summary>
    internal static RdsError BothGiven(string backupId, object time, string timeText) =>
        new(RdsErrorIds.BackupAndRestoreTimeBothGiven,
            $"Both a backup ({DisplayText.Quote(backupId)}) and a point in time ({timeText}) were given. A restore uses one: give -BackupId or -RestoreTime, not both.",
            new object[] { backupId, time }, "BackupId");

    private static void Add(List<RdsError> list, RdsError? error)
    {
        if (error is not null) list.Add(error);
    }

    /// <summary>What the restore does, in words: used in confirmations and logs.</summary>
    public string Describe()
    {
        var what = Mode == RestoreMode.Backup
            ? $"backup {BackupId} of instance {SourceInstanceId}"
            : $"instance {SourceInstanceId} as of {RestoreTimeRules.Format(RestoreTime!.Value)} (UTC)";
        var into = IsRestoreToSource
            ? $"into the SAME instance {TargetInstanceId}: the source's own data will be overwritten"
            : $"into instance {TargetInstanceId}, whose data will be overwritten";
        var dbs = DatabaseMap is null
            ? ""
            : "; databases: " + string.Join(", ", DatabaseMap.Select(p => p.Value.Length == 0 ? p.Key : $"{p.Key} -> {p.Value}"));
        return $"Restore {what} {into}{dbs}";
    }

    public override string ToString() => Mode == RestoreMode.Backup
        ? $"{SourceInstanceId} -> {TargetInstanceId} (backup {BackupId})"
        : string.Format(CultureInfo.InvariantCulture, "{0} -> {1} (time {2})", SourceInstanceId, TargetInstanceId, RestoreTimeRules.Format(RestoreTime!.Value));
}
