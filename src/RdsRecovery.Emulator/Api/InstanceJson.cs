namespace RdsRecovery.Emulator.Api;

/// <summary>The <c>InstanceResponse</c> and <c>BackupForList</c> shapes, with the service's field names.</summary>
internal static class InstanceJson
{
    public static JsonObject Instance(InstanceRecord i, string region)
    {
        var datastore = new JsonObject { ["type"] = i.Engine, ["version"] = i.Version };
        if (i.CompleteVersion is not null) datastore["complete_version"] = i.CompleteVersion;
        var nodes = new JsonArray();
        var roles = i.Type == "Ha" ? new[] { "master", "slave" } : new[] { "master" };
        for (var n = 0; n < roles.Length; n++)
        {
            nodes.Add(new JsonObject
            {
                ["id"] = i.Id[..32] + "no0" + (n + 1),
                ["name"] = $"{i.Name}_node{n}",
                ["role"] = roles[n],
                ["status"] = i.Status == "ACTIVE" ? "ACTIVE" : i.Status,
                ["availability_zone"] = $"az{n + 1}",
            });
        }
        var json = new JsonObject
        {
            ["id"] = i.Id,
            ["name"] = i.Name,
            ["status"] = i.Status,
            ["alias"] = "",
            ["private_ips"] = new JsonArray("192.168.0." + (10 + (i.Id[0] % 200))),
            ["public_ips"] = new JsonArray(),
            ["port"] = i.Port,
            ["type"] = i.Type,
            ["ha"] = i.Type == "Ha" ? new JsonObject { ["replication_mode"] = i.Engine == "SQLServer" ? "sync" : "semisync" } : null,
            ["region"] = i.Region ?? region,
            ["datastore"] = datastore,
            ["created"] = WireTime.Format(i.CreatedMs),
            ["updated"] = WireTime.Format(i.UpdatedMs),
            ["volume"] = new JsonObject { ["type"] = i.VolumeType, ["size"] = i.VolumeSizeGb },
            ["nodes"] = nodes,
            ["related_instance"] = new JsonArray(i.Related.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["type"] = r.Type }).ToArray()),
            ["private_dns_names"] = new JsonArray(),
            ["flavor_ref"] = i.FlavorRef,
            ["vpc_id"] = "6c7d9a7f-1f1a-4d0b-9c3e-0c1f4a2b7e11",
            ["subnet_id"] = "9a0f6e2d-5b7c-4e8a-8f3d-2b1c0d4e5f60",
            ["security_group_id"] = "3e2d1c0b-a9f8-4e7d-8c6b-5a4f3e2d1c0b",
            ["switch_strategy"] = "reliability",
            ["backup_strategy"] = new JsonObject { ["start_time"] = "19:00-20:00", ["keep_days"] = 7 },
            ["charge_info"] = new JsonObject { ["charge_mode"] = "postPaid" },
            ["time_zone"] = i.TimeZone,
            ["enterprise_project_id"] = "0",
            ["tags"] = new JsonArray(),
            ["max_iops"] = 5000,
        };
        if (json["ha"] is null) json.Remove("ha");
        return json;
    }

    public static JsonObject Backup(BackupRecord b, InstanceRecord instance)
    {
        var json = new JsonObject
        {
            ["id"] = b.Id,
            ["instance_id"] = b.InstanceId,
            ["name"] = b.Name,
            ["type"] = b.Type,
            ["size"] = b.SizeKb,
            ["status"] = b.Status,
            ["begin_time"] = WireTime.Format(b.BeginMs),
            ["datastore"] = new JsonObject { ["type"] = instance.Engine, ["version"] = instance.Version },
            ["associated_with_ddm"] = false,
        };
        if (b.EndMs is { } end) json["end_time"] = WireTime.Format(end);
        if (instance.Engine == "SQLServer")
            json["databases"] = new JsonArray(b.Databases.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name }).ToArray());
        return json;
    }
}
