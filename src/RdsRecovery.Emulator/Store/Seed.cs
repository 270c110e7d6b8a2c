using System.Security.Cryptography;

namespace RdsRecovery.Emulator.Store;

/// <summary>
/// Writes the seeded fleet. Ids are derived from names, so they are the same on every machine and
/// after every reset (README.md lists the well-known ones); times are relative to the seeding moment.
/// </summary>
internal static class Seed
{
    public const int LatestAutoBackup = 0;
    public const int ManualBackup = 3;
    public const int FailedBackup = 4;
    public const int BuildingBackup = 5;
    private const long Hour = 3600_000L;
    private const long Day = 24 * Hour;

    public static string InstanceId(string name) => Hex("instance/" + name) + EngineOf(name) switch
    {
        "MySQL" => "in01",
        "PostgreSQL" => "in03",
        _ => "in04",
    };

    public static string BackupId(string instanceName, int index) => Hex("backup/" + instanceName + "/" + index) + EngineOf(instanceName) switch
    {
        "MySQL" => "br01",
        "PostgreSQL" => "br03",
        _ => "br04",
    };

    private static string EngineOf(string name) => SeedFleet.Instances.First(i => i.Name == name).Engine;

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("rds-emulator/" + text)))[..32];

    public static void Fill(SqliteConnection c, long nowMs)
    {
        var seedMs = nowMs - nowMs % Hour;
        var ord = 0;
        foreach (var spec in SeedFleet.Instances)
        {
            var id = InstanceId(spec.Name);
            var created = seedMs - (400 + ord * 7) * Day;
            var charset = spec.Engine == "SQLServer" ? "Chinese_PRC_CI_AS" : spec.Engine == "MySQL" ? "utf8mb4" : "UTF8";
            var databases = spec.Databases.Select(d => new DatabaseEntry(d, charset, null)).ToList();
            var oldest = seedMs - 3 * Day - 3 * Hour;
            var windows = spec.WithLogGap
                ? new List<WindowSpec> { new(oldest, seedMs - 2 * Day - 12 * Hour), new(seedMs - 2 * Day - 10 * Hour, null) }
                : new List<WindowSpec> { new(oldest, null) };
            var instance = new InstanceRecord(id, spec.Name, spec.Engine, spec.Version, spec.CompleteVersion, spec.Type, "ACTIVE",
                "CLOUDSSD", spec.VolumeGb, spec.Engine == "MySQL" ? 3306 : spec.Engine == "PostgreSQL" ? 5432 : 1433,
                spec.TimeZone ?? (spec.Engine == "SQLServer" ? "China Standard Time" : "UTC"),
                Flavor(spec), created, created, windows, spec.Region,
                (spec.Related ?? Array.Empty<(string, string)>()).Select(r => new RelationEntry(InstanceId(r.Peer), r.Type)).ToList());
            EmulatorStore.InsertInstance(c, ord++, instance);
            EmulatorStore.InsertState(c, id, created, true, spec.Name + "@live", databases);

            var backups = new List<(int Index, string Type, string Status, long Begin, string Label)>
            {
                (0, "auto", "COMPLETED", seedMs - 1 * Day - 3 * Hour, "auto"),
                (1, "auto", "COMPLETED", seedMs - 2 * Day - 3 * Hour, "auto"),
                (2, "auto", "COMPLETED", oldest, "auto"),
                (ManualBackup, "manual", "COMPLETED", seedMs - 36 * Hour, "manual-before-release"),
            };
            if (spec.WithFailedAndBuilding)
            {
                backups.Add((FailedBackup, "manual", "FAILED", seedMs - 60 * Hour, "manual-failed"));
                backups.Add((BuildingBackup, "auto", "BUILDING", nowMs - 5 * 60_000, "auto"));
            }
            foreach (var b in backups)
            {
                long? end = b.Status == "BUILDING" ? null : b.Begin + 6 * 60_000;
                var at = end ?? b.Begin;
                var marker = spec.Name + "@" + WireTime.Iso(at);
                EmulatorStore.InsertBackup(c, new BackupRecord(BackupId(spec.Name, b.Index), id,
                    spec.Name + "-" + b.Label + "-" + WireTime.Iso(b.Begin).Replace("-", "").Replace(":", "").TrimEnd('Z'),
                    b.Type, b.Status, spec.VolumeGb * 3L * 1024 + b.Index * 17, b.Begin, end, marker,
                    databases.Select(d => d with { Version = marker }).ToList()));
            }
        }
    }

    private static string Flavor(SeedInstance spec) => spec.Engine switch
    {
        "MySQL" => spec.Type == "Ha" ? "rds.mysql.n1.large.2.ha" : "rds.mysql.n1.large.2",
        "PostgreSQL" => spec.Type == "Ha" ? "rds.pg.n1.large.2.ha" : "rds.pg.n1.large.2",
        _ => spec.Type == "Ha" ? "rds.mssql.se.s3.large.2.ha" : "rds.mssql.se.s3.large.2",
    };
}
