using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Every server-side rule of a restore, with the code the emulator answers.</summary>
public sealed class RestoreRuleTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static object FromBackup(string source, string target, int backup = 0, object? databases = null) => new
    {
        source = databases is null
            ? (object)new { instance_id = RunningEmulator.Id(source), type = "backup", backup_id = RunningEmulator.BackupId(source, backup) }
            : new { instance_id = RunningEmulator.Id(source), type = "backup", backup_id = RunningEmulator.BackupId(source, backup), database_name = databases },
        target = new { instance_id = RunningEmulator.Id(target) },
    };

    private async Task AssertRefused(object body, HttpStatusCode status, string code, string? messagePart = null)
    {
        var (actualStatus, actualCode, message, _) = await RunningEmulator.ErrorOf(_emulator.RestoreAsync(body));
        Assert.True((status, code) == (actualStatus, actualCode), $"expected {(int)status} {code}, got {(int)actualStatus} {actualCode}: {message}");
        if (messagePart is not null) Assert.Contains(messagePart, message);
    }

    [Fact]
    public async Task AcceptedRestoreAnswersA32HexJobId()
    {
        var jobId = await _emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        Assert.Matches("^[0-9a-f]{32}$", jobId);
    }

    [Fact]
    public async Task UnknownSourceIs404() => await AssertRefused(new
    {
        source = new { instance_id = "00000000000000000000000000000000in01", type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
        target = new { instance_id = WellKnown.ErpProd },
    }, HttpStatusCode.NotFound, "DBS.200013");

    [Fact]
    public async Task UnknownTargetIs404() => await AssertRefused(new
    {
        source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
        target = new { instance_id = "00000000000000000000000000000000in01" },
    }, HttpStatusCode.NotFound, "DBS.200002");

    [Fact]
    public async Task UnknownBackupIs404() => await AssertRefused(new
    {
        source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = "ffffffffffffffffffffffffffffffffbr01" },
        target = new { instance_id = RunningEmulator.Id("erp-staging") },
    }, HttpStatusCode.NotFound, "DBS.201010");

    [Fact]
    public async Task BackupOfAnotherInstanceIsRefused() => await AssertRefused(new
    {
        source = new { instance_id = WellKnown.ErpProd, type = "backup", backup_id = RunningEmulator.BackupId("erp-staging", 0) },
        target = new { instance_id = RunningEmulator.Id("erp-staging") },
    }, HttpStatusCode.BadRequest, "DBS.280214", "does not belong");

    [Fact]
    public async Task FailedBackupIsRefused() =>
        await AssertRefused(FromBackup("erp-prod", "erp-staging", 4), HttpStatusCode.BadRequest, "DBS.280214", "FAILED");

    [Fact]
    public async Task BuildingBackupIsRefused() =>
        await AssertRefused(FromBackup("erp-prod", "erp-staging", 5), HttpStatusCode.Conflict, "DBS.201205");

    [Theory]
    [InlineData("erp-prod", "crm-pg12-staging")]
    [InlineData("crm-pg12-prod", "bi-sql2016-ee")]
    [InlineData("hr-sql2008r2-web", "erp-staging")]
    public async Task EnginesMustMatch(string source, string target) =>
        await AssertRefused(FromBackup(source, target), HttpStatusCode.BadRequest, "DBS.200040");

    [Theory]
    [InlineData("erp-prod", "shop-mysql80-test")]
    [InlineData("shop-mysql80-prod", "erp-staging")]
    [InlineData("crm-pg12-prod", "billing-pg14-staging")]
    [InlineData("billing-pg14-prod", "analytics-pg16-staging")]
    public async Task MySqlAndPostgreSqlVersionsMustMatch(string source, string target) =>
        await AssertRefused(FromBackup(source, target), HttpStatusCode.BadRequest, "DBS.201207");

    // The seed spec's Table 1: same-year upgrades only.
    [Theory]
    [InlineData("hr-sql2008r2-web", "hr-sql2008r2-ee", true)]
    [InlineData("hr-sql2008r2-ee", "hr-sql2008r2-web", false)]
    [InlineData("hr-sql2008r2-web", "fin-sql2012-ee", false)]
    [InlineData("fin-sql2012-web", "fin-sql2012-se", true)]
    [InlineData("fin-sql2012-web", "fin-sql2012-ee", true)]
    [InlineData("fin-sql2012-se", "fin-sql2012-ee", true)]
    [InlineData("fin-sql2012-ee", "fin-sql2012-se", false)]
    [InlineData("fin-sql2012-web", "pay-sql2014-se", false)]
    [InlineData("pay-sql2014-web", "pay-sql2014-se", true)]
    [InlineData("pay-sql2014-se", "pay-sql2014-ee", true)]
    [InlineData("pay-sql2014-ee", "pay-sql2014-se", false)]
    [InlineData("bi-sql2016-web", "bi-sql2016-ee", true)]
    [InlineData("bi-sql2016-se", "bi-sql2016-ee", true)]
    [InlineData("bi-sql2016-ee", "bi-sql2016-se", false)]
    [InlineData("bi-sql2016-ee", "dw-sql2017-ee", false)]
    [InlineData("dw-sql2017-ee", "dw-sql2017-ee-staging", true)]
    public async Task SqlServerVersionTable(string source, string target, bool allowed)
    {
        if (allowed) await _emulator.RestoreAcceptedAsync(FromBackup(source, target));
        else await AssertRefused(FromBackup(source, target), HttpStatusCode.BadRequest, "DBS.201207");
    }

    [Theory]
    [InlineData("erp-prod", "erp-dev-small")]
    [InlineData("shop-mysql80-prod", "shop-mysql80-tiny")]
    [InlineData("billing-pg14-staging", "billing-pg14-prod")]
    [InlineData("dw-sql2017-ee", "dw-sql2017-ee")]
    public async Task TargetVolumeMustBeAtLeastTheSources(string source, string target)
    {
        if (source == target)
        {
            await _emulator.RestoreAcceptedAsync(FromBackup(source, target)); // same instance: equal sizes pass
            return;
        }
        await AssertRefused(FromBackup(source, target), HttpStatusCode.BadRequest, "DBS.280001", "storage");
    }

    [Fact]
    public async Task RestoreTimeOutsideEveryWindowIsRefused()
    {
        var windows = (await _emulator.GetJsonAsync($"instances/{WellKnown.ErpProd}/restore-time"))["restore_time"]!.AsArray();
        var gap = (windows[0]!["end_time"]!.GetValue<long>() + windows[1]!["start_time"]!.GetValue<long>()) / 2;
        var times = new[]
        {
            gap,
            windows[0]!["start_time"]!.GetValue<long>() - 1,
            DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds(),
        };
        foreach (var at in times)
        {
            await AssertRefused(new
            {
                source = new { instance_id = WellKnown.ErpProd, type = "timestamp", restore_time = at },
                target = new { instance_id = RunningEmulator.Id("erp-staging") },
            }, HttpStatusCode.BadRequest, "DBS.201203");
        }
        await _emulator.RestoreAcceptedAsync(new
        {
            source = new { instance_id = WellKnown.ErpProd, type = "timestamp", restore_time = windows[1]!["end_time"]!.GetValue<long>() - 1000 },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        });
    }

    [Fact]
    public async Task DatabaseNameIsForSqlServerOnly() => await AssertRefused(
        FromBackup("erp-prod", "erp-staging", databases: new Dictionary<string, string> { ["erp"] = "erp_copy" }),
        HttpStatusCode.BadRequest, "DBS.200001", "SQL Server only");

    [Theory]
    [InlineData("sales-copy", "DBS.200001")]
    [InlineData("sales copy", "DBS.200001")]
    [InlineData("my_master_copy", "DBS.200001")]
    [InlineData("TEMPDB2", "DBS.200001")]
    [InlineData("x_rdsadmin", "DBS.200001")]
    [InlineData("reporting", "DBS.201035")]
    [InlineData("SALES", "DBS.201035")]
    [InlineData("reporting_archive", "DBS.201035")]
    public async Task NewDatabaseNamesFollowTheRules(string newName, string code) => await AssertRefused(
        FromBackup("bi-sql2016-web", "bi-sql2016-se", databases: new Dictionary<string, string> { ["sales"] = newName }),
        HttpStatusCode.BadRequest, code);

    [Fact]
    public async Task NewDatabaseNameLengthIs1To128()
    {
        await AssertRefused(FromBackup("bi-sql2016-web", "bi-sql2016-se", databases: new Dictionary<string, string> { ["sales"] = new string('a', 129) }),
            HttpStatusCode.BadRequest, "DBS.200001", "1-128");
        await _emulator.RestoreAcceptedAsync(FromBackup("bi-sql2016-web", "bi-sql2016-se",
            databases: new Dictionary<string, string> { ["sales"] = new string('a', 128) }));
    }

    [Fact]
    public async Task UnknownDatabaseInTheMapIsRefused() => await AssertRefused(
        FromBackup("bi-sql2016-web", "bi-sql2016-se", databases: new Dictionary<string, string> { ["nope"] = "" }),
        HttpStatusCode.BadRequest, "DBS.280128");

    [Fact]
    public async Task DuplicateNewNamesAreRefused() => await AssertRefused(
        FromBackup("bi-sql2016-web", "bi-sql2016-se", databases: new Dictionary<string, string> { ["sales"] = "x1", ["reporting"] = "x1" }),
        HttpStatusCode.BadRequest, "DBS.200001", "more than once");

    [Fact]
    public async Task EmptyNewNameKeepsTheOriginal() => await _emulator.RestoreAcceptedAsync(
        FromBackup("bi-sql2016-web", "bi-sql2016-se", databases: new Dictionary<string, string> { ["sales"] = "" }));

    [Theory]
    [InlineData("", "DBS.200006")]
    [InlineData("   ", "DBS.200006")]
    [InlineData("{not json", "DBS.200001")]
    [InlineData("[]", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"backup_id\":\"b\"}}", "DBS.200001")]
    [InlineData("{\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"type\":\"backup\",\"backup_id\":\"b\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"timestamp\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"backup\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"snapshot\",\"backup_id\":\"b\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"timestamp\",\"restore_time\":\"1532001446987\"},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"backup\",\"backup_id\":\"b\",\"database_name\":[\"x\"]},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    [InlineData("{\"source\":{\"instance_id\":\"a\",\"type\":\"backup\",\"backup_id\":\"b\",\"database_name\":{\"x\":1}},\"target\":{\"instance_id\":\"a\"}}", "DBS.200001")]
    public async Task MalformedBodiesAreRefused(string body, string code) =>
        await AssertRefused(body, HttpStatusCode.BadRequest, code);

    [Fact]
    public async Task SecondRestoreIntoABusyTargetIsRefused()
    {
        await _emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        Assert.Equal("RESTORING", await _emulator.StatusOfAsync("erp-staging"));
        await AssertRefused(FromBackup("erp-prod", "erp-staging", 1), HttpStatusCode.Conflict, "DBS.200011", "Another operation is being performed");
        // A restoring instance cannot be a source either.
        await AssertRefused(FromBackup("erp-staging", "erp-staging"), HttpStatusCode.Conflict, "DBS.200011");
        // Another target from the same source is fine.
        await _emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-reporting"));
    }

    [Fact]
    public async Task RefusedRestoreChangesNothing()
    {
        var before = (await _emulator.DataAsync("erp-dev-small")).ToJsonString();
        await AssertRefused(FromBackup("erp-prod", "erp-dev-small"), HttpStatusCode.BadRequest, "DBS.280001");
        Assert.Equal("ACTIVE", await _emulator.StatusOfAsync("erp-dev-small"));
        var after = await _emulator.DataAsync("erp-dev-small");
        Assert.Single(after["history"]!.AsArray());
        Assert.Equal(JsonNode.Parse(before)!["history"]!.ToJsonString(), after["history"]!.ToJsonString());
    }
}
