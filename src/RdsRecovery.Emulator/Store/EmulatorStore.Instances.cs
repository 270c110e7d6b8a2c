namespace RdsRecovery.Emulator.Store;

internal sealed partial class EmulatorStore
{
    private const string InstanceColumns =
        "id, name, engine, version, complete_version, type, status, volume_type, volume_size, port, time_zone, flavor_ref, created_ms, updated_ms, windows_json, region, related_json";

    public IReadOnlyList<InstanceRecord> Instances() => Read(c => Instances(c));

    public InstanceRecord? Instance(string id) => Read(c => Instance(c, id));

    public void Rename(string id, string name) =>
        Write(c => NonQuery(c, "UPDATE instances SET name = $name WHERE id = $id", ("$id", id), ("$name", name)));

    internal static List<InstanceRecord> Instances(SqliteConnection c)
    {
        using var command = Command(c, $"SELECT {InstanceColumns} FROM instances ORDER BY ord");
        return ReadInstances(command);
    }

    internal static InstanceRecord? Instance(SqliteConnection c, string id)
    {
        using var command = Command(c, $"SELECT {InstanceColumns} FROM instances WHERE id = $id", ("$id", id));
        return ReadInstances(command).FirstOrDefault();
    }

    private static List<InstanceRecord> ReadInstances(SqliteCommand command)
    {
        var list = new List<InstanceRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new InstanceRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetInt32(8), reader.GetInt32(9), reader.GetString(10), reader.GetString(11), reader.GetInt64(12),
                reader.GetInt64(13), StoreJson.Windows(reader.GetString(14)), reader.IsDBNull(15) ? null : reader.GetString(15),
                StoreJson.Relations(reader.GetString(16))));
        }
        return list;
    }

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
        using var command = Command(c,
            "SELECT from_ms, live, marker, databases_json FROM instance_states WHERE instance_id = $id AND from_ms <= $at ORDER BY from_ms DESC, rowid DESC LIMIT 1",
            ("$id", instance.Id), ("$at", atMs));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var live = reader.GetInt64(1) != 0;
        var databases = StoreJson.Databases(reader.GetString(3));
        if (!live) return new DataState(reader.GetString(2), databases, reader.GetInt64(0), false);
        var marker = instance.Name + "@" + WireTime.Iso(atMs);
        // A database restored into a live instance keeps the marker it was restored with.
        return new DataState(marker, databases.Select(d => d with { Version = d.Version ?? marker }).ToList(), reader.GetInt64(0), true);
    }

    public DataState? StateAt(InstanceRecord instance, long atMs) => Read(c => StateAt(c, instance, atMs));

    /// <summary>Every recorded state of the instance, oldest first (for the admin data view).</summary>
    public IReadOnlyList<DataState> History(string instanceId) => Read(c =>
    {
        using var command = Command(c,
            "SELECT from_ms, live, marker, databases_json FROM instance_states WHERE instance_id = $id ORDER BY from_ms, rowid",
            ("$id", instanceId));
        using var reader = command.ExecuteReader();
        var list = new List<DataState>();
        while (reader.Read())
            list.Add(new DataState(reader.GetString(2), StoreJson.Databases(reader.GetString(3)), reader.GetInt64(0), reader.GetInt64(1) != 0));
        return list;
    });
}
