using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The read endpoints: query parameters, paging, shapes and error answers.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task InstancesListTheWholeSeededFleetWithTheServiceShape()
    {
        var json = await _emulator.GetJsonAsync("instances");
        var instances = json["instances"]!.AsArray();
        Assert.Equal(40, json["total_count"]!.GetValue<int>());
        Assert.Equal(40, instances.Count);
        foreach (var i in instances)
        {
            var engine = i!["datastore"]!["type"]!.GetValue<string>();
            var id = i["id"]!.GetValue<string>();
            Assert.Matches("^[0-9a-f]{32}in0[134]$", id);
            Assert.EndsWith(engine switch { "MySQL" => "in01", "PostgreSQL" => "in03", _ => "in04" }, id);
            Assert.Equal(engine != "SQLServer", i["datastore"]!["complete_version"] is not null);
            Assert.True(i["volume"]!["size"]!.GetValue<int>() > 0);
            Assert.Equal("ACTIVE", i["status"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$", i["created"]!.GetValue<string>());
        }
        var versions = instances.Select(i => i!["datastore"]!["type"]!.GetValue<string>() + " " + i!["datastore"]!["version"]!.GetValue<string>()).ToHashSet();
        foreach (var expected in new[] { "MySQL 5.7", "MySQL 8.0", "PostgreSQL 12", "PostgreSQL 14", "PostgreSQL 16", "SQLServer 2008_R2_WEB",
                     "SQLServer 2008_R2_EE", "SQLServer 2012_WEB", "SQLServer 2012_SE", "SQLServer 2012_EE", "SQLServer 2014_WEB", "SQLServer 2014_SE",
                     "SQLServer 2014_EE", "SQLServer 2016_WEB", "SQLServer 2016_SE", "SQLServer 2016_EE", "SQLServer 2017_EE" })
            Assert.Contains(expected, versions);
    }

    [Fact]
    public async Task InstancesPageWithOffsetAndLimit()
    {
        var all = (await _emulator.GetJsonAsync("instances"))["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var page = await _emulator.GetJsonAsync("instances?offset=5&limit=3");
        Assert.Equal(40, page["total_count"]!.GetValue<int>());
        Assert.Equal(all.Skip(5).Take(3), page["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var beyond = await _emulator.GetJsonAsync("instances?offset=100");
        Assert.Empty(beyond["instances"]!.AsArray());
    }

    [Theory]
    [InlineData("instances?limit=0")]
    [InlineData("instances?limit=101")]
    [InlineData("instances?limit=abc")]
    [InlineData("instances?offset=-1")]
    [InlineData("instances?name=*")]
    [InlineData("instances?datastore_type=mysql")]
    [InlineData("instances?type=Cluster")]
    [InlineData("backups")]
    [InlineData("backups?instance_id=x&limit=0")]
    [InlineData("backups?instance_id=x&begin_time=2026-01-01T00:00:00+0000")]
    [InlineData("backups?instance_id=x&begin_time=2026-01-02T00:00:00Z&end_time=2026-01-01T00:00:00Z")]
    [InlineData("backups?instance_id=x&backup_type=full")]
    [InlineData("jobs")]
    public async Task BadParametersGetTheParameterError(string relative)
    {
        var (status, code, _, response) = await RunningEmulator.ErrorOf(_emulator.GetAsync(relative));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("DBS.200001", code);
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
    }

    [Theory]
    [InlineData("name=erp-prod", 1)]
    [InlineData("name=*erp", 4)]
    [InlineData("name=*sql2016", 3)]
    [InlineData("name=erp", 0)]
    [InlineData("datastore_type=PostgreSQL", 9)]
    [InlineData("datastore_type=SQLServer", 21)]
    [InlineData("datastore_type=MySQL&type=Ha", 3)]
    [InlineData("type=Single", 26)]
    public async Task InstancesFilter(string query, int expected)
    {
        var json = await _emulator.GetJsonAsync("instances?" + query);
        Assert.Equal(expected, json["total_count"]!.GetValue<int>());
        Assert.Equal(expected, json["instances"]!.AsArray().Count);
    }

    [Fact]
    public async Task InstancesFilterById()
    {
        var json = await _emulator.GetJsonAsync("instances?id=" + WellKnown.ErpProd);
        var instance = json["instances"]!.AsArray().Single()!;
        Assert.Equal("erp-prod", instance["name"]!.GetValue<string>());
        Assert.Equal(100, instance["volume"]!["size"]!.GetValue<int>());
        Assert.Equal("5.7.38", instance["datastore"]!["complete_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task BackupsOfAnInstanceCoverTypesAndStatuses()
    {
        var json = await _emulator.GetJsonAsync("backups?instance_id=" + WellKnown.ErpProd);
        var backups = json["backups"]!.AsArray();
        Assert.Equal(6, json["total_count"]!.GetValue<int>());
        Assert.Equal(new[] { "BUILDING", "COMPLETED", "FAILED" }, backups.Select(b => b!["status"]!.GetValue<string>()).Distinct().Order());
        Assert.Equal(new[] { "auto", "manual" }, backups.Select(b => b!["type"]!.GetValue<string>()).Distinct().Order());
        foreach (var b in backups)
        {
            Assert.Matches("^[0-9a-f]{32}br01$", b!["id"]!.GetValue<string>());
            Assert.Equal(WellKnown.ErpProd, b["instance_id"]!.GetValue<string>());
            Assert.Equal("MySQL", b["datastore"]!["type"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$", b["begin_time"]!.GetValue<string>());
            Assert.Equal(b["status"]!.GetValue<string>() != "BUILDING", b["end_time"] is not null);
        }
        var begins = backups.Select(b => b!["begin_time"]!.GetValue<string>()).ToList();
        Assert.Equal(begins.OrderDescending(StringComparer.Ordinal), begins);
    }

    [Fact]
    public async Task BackupsFilterByIdTypeTimeAndPage()
    {
        var id = RunningEmulator.BackupId("erp-prod", 3);
        var one = await _emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&backup_id={id}");
        Assert.Equal(id, one["backups"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, one["total_count"]!.GetValue<int>());

        var manual = await _emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&backup_type=manual");
        Assert.Equal(2, manual["total_count"]!.GetValue<int>());

        var all = (await _emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}"))["backups"]!.AsArray();
        var newest = all[0]!["begin_time"]!.GetValue<string>();
        var window = await _emulator.GetJsonAsync(
            $"backups?instance_id={WellKnown.ErpProd}&begin_time={Uri.EscapeDataString(newest)}&end_time={Uri.EscapeDataString(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        Assert.Equal(1, window["total_count"]!.GetValue<int>());

        var page = await _emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&offset=4&limit=5");
        Assert.Equal(6, page["total_count"]!.GetValue<int>());
        Assert.Equal(2, page["backups"]!.AsArray().Count);
    }

    [Fact]
    public async Task SqlServerBackupsListTheirDatabases()
    {
        var json = await _emulator.GetJsonAsync("backups?instance_id=" + RunningEmulator.Id("dw-sql2017-ee"));
        var backup = json["backups"]!.AsArray().First(b => b!["status"]!.GetValue<string>() == "COMPLETED")!;
        Assert.Equal(new[] { "dw", "staging" }, backup["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        Assert.EndsWith("br04", backup["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInstanceGets404()
    {
        foreach (var relative in new[] { "backups?instance_id=00000000000000000000000000000000in01",
                     "instances/00000000000000000000000000000000in01/restore-time",
                     "instances/00000000000000000000000000000000in04/database/detail?page=1&limit=10" })
        {
            var (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.GetAsync(relative));
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("DBS.200002", code);
        }
    }

    [Fact]
    public async Task RestoreTimesEndAFewMinutesBeforeNowAndShowTheLogGap()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var json = await _emulator.GetJsonAsync($"instances/{WellKnown.ErpProd}/restore-time");
        var ranges = json["restore_time"]!.AsArray();
        Assert.Equal(2, ranges.Count);
        var last = ranges[1]!["end_time"]!.GetValue<long>();
        Assert.InRange(before - last, 4 * 60_000, 6 * 60_000);
        Assert.True(ranges[0]!["end_time"]!.GetValue<long>() < ranges[1]!["start_time"]!.GetValue<long>());

        var oldest = (await _emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&status=COMPLETED"))["backups"]!.AsArray()
            .Min(b => b!["begin_time"]!.GetValue<string>())!;
        Assert.Equal(DateTimeOffset.Parse(oldest.Insert(22, ":"), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            ranges[0]!["start_time"]!.GetValue<long>());

        var single = await _emulator.GetJsonAsync($"instances/{RunningEmulator.Id("erp-staging")}/restore-time");
        Assert.Single(single["restore_time"]!.AsArray());
    }

    [Fact]
    public async Task RestoreTimesForADateStayInsideThatUtcDay()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = await _emulator.GetJsonAsync($"instances/{RunningEmulator.Id("erp-staging")}/restore-time?date={today}");
        var range = json["restore_time"]!.AsArray().Single()!;
        var dayStart = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.True(range["start_time"]!.GetValue<long>() >= dayStart);
        var (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.GetAsync($"instances/{WellKnown.ErpProd}/restore-time?date=28-11-2026"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }

    [Fact]
    public async Task SqlServerDatabasesIncludeSystemDatabasesAndPage()
    {
        var id = RunningEmulator.Id("bi-sql2016-web");
        var json = await _emulator.GetJsonAsync($"instances/{id}/database/detail?page=1&limit=100");
        var names = json["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "master", "model", "msdb", "tempdb", "sales", "reporting" }, names);
        Assert.Equal(6, json["total_count"]!.GetValue<int>());
        Assert.All(json["databases"]!.AsArray(), d => Assert.Equal("Running", d!["state"]!.GetValue<string>()));

        var page2 = await _emulator.GetJsonAsync($"instances/{id}/database/detail?page=2&limit=4");
        Assert.Equal(new[] { "sales", "reporting" }, page2["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        var byName = await _emulator.GetJsonAsync($"instances/{id}/database/detail?page=1&limit=1&db-name=reporting");
        Assert.Equal("reporting", byName["databases"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DatabaseListNeedsPaging()
    {
        var id = RunningEmulator.Id("bi-sql2016-web");
        var (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.GetAsync($"instances/{id}/database/detail?limit=10"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
        (status, code, _, _) = await RunningEmulator.ErrorOf(_emulator.GetAsync($"instances/{id}/database/detail?page=1&limit=101"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/v3/nothing/here/at/all")]
    [InlineData("GET", "/v3.1/0123456789abcdef0123456789abcdef/instances")]
    [InlineData("PUT", "/v3/0123456789abcdef0123456789abcdef/instances")]
    [InlineData("GET", "/v3/0123456789abcdef0123456789abcdef/instances/recovery")]
    [InlineData("DELETE", "/v3/0123456789abcdef0123456789abcdef/jobs")]
    public async Task UnknownRoutesAndMethodsGetTheJsonErrorBody(string method, string path)
    {
        using var response = await _emulator.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("APIGW.0101", json["error_code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["error_msg"]!.GetValue<string>()));
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task OversizedBodyGetsAJsonErrorNotAStackTrace()
    {
        var huge = new string('x', 2 << 20);
        using var response = await _emulator.Http.PostAsync($"/v3/{_emulator.ProjectId}/instances/recovery", new StringContent(huge));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("DBS.200001", JsonNode.Parse(text)!["error_code"]!.GetValue<string>());
        Assert.DoesNotMatch(new Regex(@"\bat [A-Za-z]+\."), text);
    }
}
