using RdsRecovery.Api;

namespace RdsRecovery.Core.Tests.Api;

public class RdsJsonMappingTests
{
    [Fact]
    public async Task Instance_fields_map_onto_the_model()
    {
        var json = "{\"instances\":[{\"id\":\"a1in01\",\"name\":\"prod\",\"status\":\"ACTIVE\",\"type\":\"Ha\","
            + "\"datastore\":{\"type\":\"MySQL\",\"version\":\"8.0\",\"complete_version\":\"8.0.28.231003\"},"
            + "\"volume\":{\"type\":\"CLOUDSSD\",\"size\":100},\"region\":\"ap-southeast-1\",\"time_zone\":\"UTC+08:00\",\"port\":3306,"
            + "\"created\":\"2018-08-06T12:41:14+0800\",\"updated\":\"2018-08-07T01:00:00Z\",\"nodes\":[{\"id\":\"n\"}],\"unknown\":{}}],\"total_count\":1}";
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(json));
        var i = (await client.GetInstanceAsync("a1in01"))!;
        Assert.Equal("prod", i.Name);
        Assert.Equal("ACTIVE", i.Status);
        Assert.Equal("Ha", i.Type);
        Assert.Equal("MySQL", i.Engine);
        Assert.Equal("8.0", i.EngineVersion);
        Assert.Equal("8.0.28.231003", i.CompleteVersion);
        Assert.Equal("CLOUDSSD", i.VolumeType);
        Assert.Equal(100, i.VolumeSizeGB);
        Assert.Equal("ap-southeast-1", i.Region);
        Assert.Equal("UTC+08:00", i.TimeZone);
        Assert.Equal(3306, i.Port);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 4, 41, 14, TimeSpan.Zero), i.Created);
        Assert.Equal(new DateTimeOffset(2018, 8, 7, 1, 0, 0, TimeSpan.Zero), i.Updated);
    }

    [Fact]
    public async Task Get_instance_returns_null_when_absent_or_not_an_exact_match()
    {
        var (client, _, _) = TestConnections.Client(r => FakeRdsHandler.Json(r.Query("id") == "other"
            ? "{\"instances\":[{\"id\":\"other-longer\",\"status\":\"ACTIVE\"}],\"total_count\":1}" : "{\"instances\":[],\"total_count\":0}"));
        Assert.Null(await client.GetInstanceAsync("missing"));
        Assert.Null(await client.GetInstanceAsync("other"));
    }

    [Fact]
    public async Task Get_instance_returns_null_on_404()
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"error_code\":\"DBS.200002\",\"error_msg\":\"no\"}", System.Net.HttpStatusCode.NotFound));
        Assert.Null(await client.GetInstanceAsync("gone"));
    }

    [Fact]
    public async Task Backup_fields_map_onto_the_model_with_databases_and_size_in_kb()
    {
        var json = "{\"backups\":[{\"id\":\"b1br04\",\"instance_id\":\"i1in04\",\"name\":\"nightly\",\"type\":\"auto\",\"size\":2803,"
            + "\"status\":\"COMPLETED\",\"begin_time\":\"2018-08-06T12:41:14+0800\",\"end_time\":\"2018-08-06T12:43:14+08:00\","
            + "\"datastore\":{\"type\":\"SQLServer\",\"version\":\"2017_SE\"},\"databases\":[{\"name\":\"db1\"},{\"name\":\"db2\"}],"
            + "\"associated_with_ddm\":false}],\"total_count\":1}";
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(json));
        var b = Assert.Single(await client.ListBackupsAsync(new RdsBackupFilter("i1in04")));
        Assert.Equal("b1br04", b.Id);
        Assert.Equal("i1in04", b.InstanceId);
        Assert.Equal("nightly", b.Name);
        Assert.Equal("auto", b.Type);
        Assert.Equal(2803, b.SizeKB);
        Assert.Equal("COMPLETED", b.Status);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 4, 41, 14, TimeSpan.Zero), b.BeginTime);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 4, 43, 14, TimeSpan.Zero), b.EndTime);
        Assert.Equal("SQLServer", b.Engine);
        Assert.Equal("2017_SE", b.EngineVersion);
        Assert.Equal(new[] { "db1", "db2" }, b.Databases);
    }

    [Fact]
    public async Task Optional_fields_may_be_absent_or_null()
    {
        // Oddly typed fields are refused (StrictAnswerTests); absent or null optional ones are simply unknown.
        var json = "{\"instances\":[{\"id\":\"x\",\"status\":\"ACTIVE\",\"port\":null,\"volume\":{},\"created\":\"\",\"datastore\":null}],\"total_count\":1}";
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(json));
        var i = (await client.GetInstanceAsync("x"))!;
        Assert.Null(i.Port);
        Assert.Equal(0, i.VolumeSizeGB);
        Assert.Null(i.Created);
        Assert.Equal("", i.Engine);
        Assert.Equal("", i.Name);
    }
}
