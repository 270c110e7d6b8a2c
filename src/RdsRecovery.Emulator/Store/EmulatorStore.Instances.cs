namespace RdsRecovery.Emulator.Store;

internal sealed partial class EmulatorStore
{
    private const string InstanceColumns =
        "id, name, engine, version, complete_version, type, status, volume_type, volume_size, port, time_zone, flavor_ref, created_ms, updated_ms, windows_json, region, related_json";

    public IReadOnlyList<InstanceRecord> Instances() => Read(c => Instances(c));

    public InstanceRecord? Instance(string id) => Read(c => Instance(c, id));

    public void Rename(string id, string name) =>
        Write(c => NonQuery(c, "UPDATE instances SET name = $name WHERE id = $id", ("$id", id), ("$name", name)));

    internal static List<InstanceRecord> Instances(SqliteConnection c) => Rows(c, $"SELECT {InstanceColumns} FROM instances ORDER BY ord", ReadInstance);

    internal static InstanceRecord? Instance(SqliteConnection c, string id) =>
        Rows(c, $"SELECT {InstanceColumns} FROM instances WHERE id = $id", ReadInstance, ("$id", id)).FirstOrDefault();

    /// <summary>One row of <see cref="InstanceColumns"/>.</summary>
    private static InstanceRecord ReadInstance(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), StringOrNull(r, 4), r.GetString(5), r.GetString(6), r.GetString(7),
            r.GetInt32(8), r.GetInt32(9), r.GetString(10), r.GetString(11), r.GetInt64(12), r.GetInt64(13),
            StoreJson.Windows(r.GetString(14)), StringOrNull(r, 15), StoreJson.Relations(r.GetString(16)));

    internal static void InsertInstance(SqliteConnection c, int ord, InstanceRecord i) => NonQuery(c,
        $"INSERT INTO instances (ord, {InstanceColumns}) VALUES ($ord, $id, $name, $engine, $version, $cv, $type, $status, $vt, $vs, $port, $tz, $flavor, $created, $updated, $windows, $region, $related)",
        ("$ord", ord), ("$id", i.Id), ("$name", i.Name), ("$engine", i.Engine), ("$version", i.Version), ("$cv", i.CompleteVersion),
        ("$type", i.Type), ("$status", i.Status), ("$vt", i.VolumeType), ("$vs", i.VolumeSizeGb), ("$port", i.Port),
        ("$tz", i.TimeZone), ("$flavor", i.FlavorRef), ("$created", i.CreatedMs), ("$updated", i.UpdatedMs),
        ("$windows", StoreJson.Windows(i.Windows)), ("$region", i.Region), ("$related", StoreJson.Relations(i.Related)));

    internal static void SetStatus(SqliteConnection c, string id, string status, long nowMs) => NonQuery(c,
        "UPDATE instances SET status = $status, updated_ms = $now WHERE id = $id", ("$status", status), ("$now", nowMs), ("$id", id));

    internal static void InsertState(SqliteConnection c, string instanceId, long fromMs, bool live, string marker,
        IReadOnlyList<DatabaseEntry> databases) => NonQuery(c,
        "INSERT INTO instance_states (instance_id, from_ms, live, marker, databases_json) VALUES ($id, $from, $live, $marker, $dbs)",
        ("$id", instanceId), ("$from", fromMs), ("$live", live ? 1 : 0), ("$marker", marker), ("$dbs", StoreJson.Databases(databases)));

    /// <summary>
    /// The instance's data at <paramref name="atMs"/>. A live state (seeded data that changes all the time)
    /// is marked <c>name@time</c>, so a backup or a point-in-time restore names the moment it captured.
    /// </summary>
    internal static DataState? StateAt(SqliteConnection c, InstanceRecord instance, long atMs)
    {
        var state = Rows(c, $"SELECT {StateColumns} FROM instance_states WHERE instance_id = $id AND from_ms <= $at ORDER BY from_ms DESC, rowid DESC LIMIT 1",
            ReadState, ("$id", instance.Id), ("$at", atMs)).FirstOrDefault();
        if (state is not { Live: true }) return state;
        var marker = instance.Name + "@" + WireTime.Iso(atMs);
        // A database restored into a live instance keeps the marker it was restored with.
        return state with { Marker = marker, Databases = state.Databases.Select(d => d with { Version = d.Version ?? marker }).ToList() };
    }

    public DataState? StateAt(InstanceRecord instance, long atMs) => Read(c => StateAt(c, instance, atMs));

    /// <summary>Every recorded state of the instance, oldest first (for the admin data view).</summary>
    public IReadOnlyList<DataState> History(string instanceId) =>
        Read(c => Rows(c, $"SELECT {StateColumns} FROM instance_states WHERE instance_id = $id ORDER BY from_ms, rowid", ReadState, ("$id", instanceId)));

    private const string StateColumns = "from_ms, live, marker, databases_json";

    /// <summary>One row of <see cref="StateColumns"/> as stored (a live state's marker is the stored one, not yet name@time).</summary>
    private static DataState ReadState(SqliteDataReader r) =>
        new(r.GetString(2), StoreJson.Databases(r.GetString(3)), r.GetInt64(0), r.GetInt64(1) != 0);
}
