using RdsRecovery.Json;

namespace RdsRecovery.Api;

/// <summary>
/// Maps the service's JSON onto the model. Unknown fields are ignored; the fields read here are checked by
/// <see cref="AnswerObject"/> (required ones with Required*, the others typed when present).
/// </summary>
internal static class RdsJsonMapper
{
    public static RdsInstance Instance(AnswerObject e)
    {
        var ds = e.Prop("datastore");
        var vol = e.Prop("volume");
        return new RdsInstance
        {
            Id = e.RequiredStr("id"),
            Name = e.Str("name") ?? "",
            Status = e.RequiredStr("status"),
            Type = e.Str("type") ?? "",
            Engine = ds?.Str("type") ?? "",
            EngineVersion = ds?.Str("version") ?? "",
            CompleteVersion = ds?.Str("complete_version"),
            VolumeType = vol?.Str("type"),
            VolumeSizeGB = vol?.Int("size") ?? 0,
            Region = e.Str("region"),
            // Absent: the relations are not known (the DR rule is then NotChecked); [] is "none".
            RelatedInstances = e.Has("related_instance")
                ? e.Array("related_instance").Select(r => new RdsRelatedInstance { Id = r.Str("id") ?? "", Type = r.Str("type") ?? "" }).ToArray()
                : null,
            TimeZone = e.Str("time_zone"),
            Port = e.Int("port"),
            Created = e.Time("created"),
            Updated = e.Time("updated"),
        };
    }

    public static RdsBackup Backup(AnswerObject e)
    {
        var ds = e.Prop("datastore");
        return new RdsBackup
        {
            Id = e.RequiredStr("id"),
            InstanceId = e.RequiredStr("instance_id"),
            Name = e.Str("name") ?? "",
            Description = e.Str("description"),
            Type = e.Str("type") ?? "",
            Status = e.RequiredStr("status"),
            SizeKB = e.Long("size") ?? 0,
            BeginTime = e.Time("begin_time"),
            EndTime = e.Time("end_time"),
            Engine = ds?.Str("type"),
            EngineVersion = ds?.Str("version"),
            Databases = e.Array("databases").Select(d => d.RequiredStr("name")).ToArray(),
        };
    }

    public static RdsRestoreWindow Window(string instanceId, AnswerObject e) =>
        new(instanceId, e.RequiredUnixMs("start_time"), e.RequiredUnixMs("end_time"));

    public static RdsSqlServerDatabase Database(string instanceId, AnswerObject e) => new()
    {
        InstanceId = instanceId,
        Name = e.RequiredStr("name"),
        CharacterSet = e.Str("character_set"),
        State = e.Str("state"),
    };

    public static RdsJobInfo Job(AnswerObject e)
    {
        var raw = e.RequiredStr("status");
        var status = RdsJobInfo.ParseStatus(raw);
        // A status we cannot read would be polled until the wait times out: refuse it now.
        if (status == RdsJobStatus.Unknown) throw e.Invalid("status", $"is {AnswerObject.Quote(raw)}, not Running, Completed or Failed");
        var process = e.Str("process");
        var inst = e.Prop("instance");
        var failReason = e.Str("fail_reason");
        return new RdsJobInfo
        {
            Id = e.RequiredStr("id"),
            Name = e.Str("name"),
            RawStatus = raw,
            Status = status,
            Progress = string.IsNullOrWhiteSpace(process) ? null : process,
            Created = e.Time("created"),
            Ended = e.Time("ended"),
            FailReason = string.IsNullOrWhiteSpace(failReason) ? null : failReason,
            InstanceId = inst?.Str("id"),
            InstanceName = inst?.Str("name"),
        };
    }
}
