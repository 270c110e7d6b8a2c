using System.Globalization;
using System.Text;
using RdsRecovery.Api;

namespace RdsRecovery.Core.Tests.Api;

public class RdsClientPagingTests
{
    private static string Instances(int from, int count, int? total)
    {
        var items = Enumerable.Range(from, count).Select(i => $"{{\"id\":\"i{i}\",\"name\":\"db{i}\",\"status\":\"ACTIVE\"}}");
        return "{\"instances\":[" + string.Join(",", items) + "]" + (total is null ? "" : $",\"total_count\":{total}") + "}";
    }

    [Fact]
    public async Task Instances_page_by_offset_until_total_count()
    {
        var (client, handler, _) = TestConnections.Client(r =>
        {
            var offset = int.Parse(r.Query("offset"), CultureInfo.InvariantCulture);
            return FakeRdsHandler.Json(Instances(offset, Math.Min(100, 250 - offset), 250));
        });
        var list = await client.ListInstancesAsync();
        Assert.Equal(250, list.Count);
        Assert.Equal(new[] { "0", "100", "200" }, handler.Requests.Select(r => r.Query("offset")));
        Assert.All(handler.Requests, r => Assert.Equal("100", r.Query("limit")));
        Assert.Equal("i249", list[249].Id);
    }

    [Fact]
    public async Task Paging_stops_on_an_empty_page_even_if_total_says_more()
    {
        var (client, handler, _) = TestConnections.Client(r =>
            FakeRdsHandler.Json(r.Query("offset") == "0" ? Instances(0, 100, 500) : Instances(0, 0, 500)));
        Assert.Equal(100, (await client.ListInstancesAsync()).Count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Without_total_count_a_short_page_ends_the_list()
    {
        var (client, handler, _) = TestConnections.Client(r =>
            FakeRdsHandler.Json(r.Query("offset") == "0" ? Instances(0, 100, null) : Instances(100, 7, null)));
        Assert.Equal(107, (await client.ListInstancesAsync()).Count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Backups_page_and_keep_the_filters_on_every_page()
    {
        var (client, handler, _) = TestConnections.Client(r =>
        {
            var offset = int.Parse(r.Query("offset"), CultureInfo.InvariantCulture);
            var n = Math.Min(100, 130 - offset);
            var items = Enumerable.Range(offset, n).Select(i => $"{{\"id\":\"b{i}\",\"instance_id\":\"i1\",\"status\":\"COMPLETED\"}}");
            return FakeRdsHandler.Json("{\"backups\":[" + string.Join(",", items) + "],\"total_count\":130}");
        });
        var list = await client.ListBackupsAsync(new RdsBackupFilter("i1") { BackupType = "manual" });
        Assert.Equal(130, list.Count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => { Assert.Equal("i1", r.Query("instance_id")); Assert.Equal("manual", r.Query("backup_type")); });
    }

    [Fact]
    public async Task Sql_server_databases_page_by_page_number()
    {
        var (client, handler, _) = TestConnections.Client(r =>
        {
            var page = int.Parse(r.Query("page"), CultureInfo.InvariantCulture);
            var from = (page - 1) * 100;
            var n = Math.Max(0, Math.Min(100, 205 - from));
            var items = Enumerable.Range(from, n).Select(i => $"{{\"name\":\"db{i}\",\"character_set\":\"Chinese_PRC_CI_AS\",\"state\":\"Running\"}}");
            return FakeRdsHandler.Json("{\"databases\":[" + string.Join(",", items) + "],\"total_count\":205}");
        });
        var dbs = await client.ListSqlServerDatabasesAsync("i4");
        Assert.Equal(205, dbs.Count);
        Assert.Equal(new[] { "1", "2", "3" }, handler.Requests.Select(r => r.Query("page")));
        Assert.All(handler.Requests, r => Assert.Equal("100", r.Query("limit")));
        Assert.EndsWith("/instances/i4/database/detail", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("Chinese_PRC_CI_AS", dbs[0].CharacterSet);
        Assert.Equal("i4", dbs[204].InstanceId);
    }

    [Fact]
    public async Task A_service_that_ignores_offset_cannot_loop_forever()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(Instances(0, 100, null)));
        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());
        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
    }
}
