using System.Linq;
using System.Text.Json;
using RdsRecovery.Json;
using RdsRecovery.Model;

namespace RdsRecovery.Api;

/// <summary>Maps the service's JSON onto the model; unknown or missing fields are tolerated.</summary>
internal static class RdsJsonMapper
{
    public static RdsInstance Instance(JsonElement e)
    {
        var ds = e.Prop("datastore");
        var vol = e.Prop("volume");
        return new RdsInstance
        {
            Id = e.Str("id") ?? "",
            Name = e.Str("name") ?? "",
            Status = e.Str("status") ?? "",
            Type = e.Str("type") ?? "",
            Engine = ds?.Str("type") ?? "",
            EngineVersion = ds?.Str("version") ?? "",
            CompleteVersion = ds?.Str("complete_version"),
            VolumeType = vol?.Str("type"),
            VolumeSizeGB = vol?.Int("size") ?? 0,
            Region = e.Str("region"),
            RelatedInstances = e.Prop("related_instance") is { ValueKind: JsonValueKind.Array } related
                ? related.EnumerateArray().Select(r => new RdsRelatedInstance { Id = r.Str("id") ?? "", Type = r.Str("type") ?? "" }).ToArray()
                : null,
            TimeZone = e.Str("time_zone"),
            Port = e.Int("port"),
            Created = e.Time("created"),
            Updated = e.Time("updated"),
        };
    }

    public static RdsBackup Backup(JsonElement e)
    {
        var ds = e.Prop("datastore");
        return new RdsBackup
        {
            Id = e.Str("id") ?? "",
            InstanceId = e.Str("instance_id") ?? "",
            Name = e.Str("name") ?? "",
            Type = e.Str("type") ?? "",
            Status = e.Str("status") ?? "",
            SizeKB = e.Long("size") ?? 0,
            BeginTime = e.Time("begin_time"),
            EndTime = e.Time("end_time"),
            Engine = ds?.Str("type"),
            EngineVersion = ds?.Str("version"),
            Databases = e.Array("databases").Select(d => d.Str("name")).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToArray(),
        };
    }

    public static RdsRestoreWindow? Window(string instanceId, JsonElement e)
    {
        var start = e.UnixMs("start_time");
        var end = e.UnixMs("end_time");
        return start is null || end is null ? null : new RdsRestoreWindow(instanceId, start.Value, end.Value);
    }

    public static RdsSqlServerDatabase Database(string instanceId, JsonElement e) => new()
    {
        InstanceId = instanceId,
        Name = e.Str("name") ?? "",
        CharacterSet = e.Str("character_set"),
        State = e.Str("state"),
    };

    public static RdsJobInfo Job(JsonElement e)
    {
        var raw = e.Str("status");
        var process = e.Str("process");
        var inst = e.Prop("instance");
        return new RdsJobInfo
        {
            Id = e.Str("id") ?? "",
            Name = e.Str("name"),
            RawStatus = raw,
            Status = RdsJobInfo.ParseStatus(raw),
            Progress = string.IsNullOrWhiteSpace(process) ? null : process,
            Created = e.Time("created"),
            Ended = e.Time("ended"),
            FailReason = string.IsNullOrWhiteSpace(e.Str("fail_reason")) ? null : e.Str("fail_reason"),
            InstanceId = inst?.Str("id"),
            InstanceName = inst?.Str("name"),
        };
    }
}
