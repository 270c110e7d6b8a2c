using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Jobs: invisible at first, Running with progress, then Completed or Failed; the target's data follows.</summary>
public sealed class JobLifecycleTests
{
    private const string WireTimePattern = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$";

    private static object FromBackup(string source, string target, int backup = 0) => new
    {
        source = new { instance_id = RunningEmulator.Id(source), type = "backup", backup_id = RunningEmulator.BackupId(source, backup) },
        target = new { instance_id = RunningEmulator.Id(target) },
    };

    [Fact]
    public async Task NewJobIsNotVisibleAtFirstButTheTargetIsAlreadyRestoring()
    {
        await using var emulator = await RunningEmulator.StartAsync(invisibleMs: 600_000, durationMs: 600_000);
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.GetAsync("jobs?id=" + jobId));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200543"), (status, code));
        Assert.Equal("RESTORING", await emulator.StatusOfAsync("erp-staging"));
    }

    [Fact]
    public async Task RunningJobShowsProgressAndNoEnd()
    {
        await using var emulator = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 600_000);
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        var job = (await emulator.GetJsonAsync("jobs?id=" + jobId))["job"]!;
        Assert.Equal(jobId, job["id"]!.GetValue<string>());
        Assert.Equal("RestoreExistInstance", job["name"]!.GetValue<string>());
        Assert.Equal("Running", job["status"]!.GetValue<string>());
        Assert.Matches(@"^\d{1,2}%$", job["process"]!.GetValue<string>());
        Assert.Null(job["ended"]);
        Assert.Null(job["fail_reason"]);
        Assert.Matches(WireTimePattern, job["created"]!.GetValue<string>());
        Assert.Equal(RunningEmulator.Id("erp-staging"), job["instance"]!["id"]!.GetValue<string>());
        Assert.Equal("erp-staging", job["instance"]!["name"]!.GetValue<string>());
        Assert.Empty(job["entities"]!.AsObject());
    }

    [Fact]
    public async Task CompletedRestoreWritesTheBackupsMarkerIntoTheTarget()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var backup = (await emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&backup_id={RunningEmulator.BackupId("erp-prod", 3)}"))["backups"]![0]!;
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging", 3));
        var job = await emulator.WaitForJobAsync(jobId);

        Assert.Equal("Completed", job["status"]!.GetValue<string>());
        Assert.Equal("", job["process"]!.GetValue<string>());
        Assert.Matches(WireTimePattern, job["ended"]!.GetValue<string>());
        Assert.Equal("ACTIVE", await emulator.StatusOfAsync("erp-staging"));
        var endText = backup["end_time"]!.GetValue<string>();
        Assert.EndsWith("+0000", endText);
        var end = DateTime.ParseExact(endText[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var data = await emulator.DataAsync("erp-staging");
        Assert.Equal("erp-prod@" + end.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), data["data_version"]!.GetValue<string>());
        Assert.False(data["live"]!.GetValue<bool>());
        Assert.Equal(new[] { "erp", "erp_audit" }, data["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        // The source is untouched.
        Assert.StartsWith("erp-prod@", (await emulator.DataAsync("erp-prod"))["data_version"]!.GetValue<string>());
        Assert.True((await emulator.DataAsync("erp-prod"))["live"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PointInTimeRestoreTakesTheSourceStateAtThatTime()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var window = (await emulator.GetJsonAsync($"instances/{RunningEmulator.Id("crm-pg12-prod")}/restore-time"))["restore_time"]![0]!;
        var at = window["start_time"]!.GetValue<long>() + 3_600_000 + 42_000;
        var jobId = await emulator.RestoreAcceptedAsync(new
        {
            source = new { instance_id = RunningEmulator.Id("crm-pg12-prod"), type = "timestamp", restore_time = at },
            target = new { instance_id = RunningEmulator.Id("crm-pg12-staging") },
        });
        Assert.Equal("Completed", (await emulator.WaitForJobAsync(jobId))["status"]!.GetValue<string>());
        var expected = "crm-pg12-prod@" + DateTimeOffset.FromUnixTimeMilliseconds(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(expected, (await emulator.DataAsync("crm-pg12-staging"))["data_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task ArrangedFailureEndsFailedWithItsReasonAndLeavesTheDataAlone()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var before = (await emulator.DataAsync("shop-mysql80-staging"))["history"]!.ToJsonString();
        await emulator.AdminJsonAsync(HttpMethod.Put, $"instances/{RunningEmulator.Id("shop-mysql80-staging")}/next-restore",
            "{\"fail_reason\":\"Disk I/O error while applying the backup\"}");
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("shop-mysql80-prod", "shop-mysql80-staging"));
        var job = await emulator.WaitForJobAsync(jobId);
        Assert.Equal("Failed", job["status"]!.GetValue<string>());
        Assert.Equal("Disk I/O error while applying the backup", job["fail_reason"]!.GetValue<string>());
        Assert.Equal("ACTIVE", await emulator.StatusOfAsync("shop-mysql80-staging"));
        Assert.Equal(before, (await emulator.DataAsync("shop-mysql80-staging"))["history"]!.ToJsonString());

        // The arrangement is used once: the next restore completes.
        var arranged = await emulator.AdminJsonAsync(HttpMethod.Get, $"instances/{RunningEmulator.Id("shop-mysql80-staging")}/next-restore");
        Assert.False(arranged["arranged"]!.GetValue<bool>());
        var second = await emulator.RestoreAcceptedAsync(FromBackup("shop-mysql80-prod", "shop-mysql80-staging"));
        Assert.Equal("Completed", (await emulator.WaitForJobAsync(second))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SqlServerDatabaseMapRenamesAndKeepsTheTargetsOtherDatabases()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var jobId = await emulator.RestoreAcceptedAsync(new
        {
            source = new
            {
                instance_id = RunningEmulator.Id("bi-sql2016-web"), type = "backup", backup_id = RunningEmulator.BackupId("bi-sql2016-web", 0),
                database_name = new Dictionary<string, string> { ["sales"] = "sales_restored" },
            },
            target = new { instance_id = RunningEmulator.Id("bi-sql2016-ee") },
        });
        var job = await emulator.WaitForJobAsync(jobId);
        Assert.Equal("SingleDbRestoreSqlserverInInstance", job["name"]!.GetValue<string>());
        Assert.Equal("Completed", job["status"]!.GetValue<string>());
        var databases = (await emulator.DataAsync("bi-sql2016-ee"))["databases"]!.AsArray();
        Assert.Equal(new[] { "warehouse", "sales_restored" }, databases.Select(d => d!["name"]!.GetValue<string>()));
        Assert.StartsWith("bi-sql2016-web@", databases[1]!["data_version"]!.GetValue<string>());
        Assert.StartsWith("bi-sql2016-ee@", databases[0]!["data_version"]!.GetValue<string>());

        var listed = await emulator.GetJsonAsync($"instances/{RunningEmulator.Id("bi-sql2016-ee")}/database/detail?page=1&limit=100");
        Assert.Contains("sales_restored", listed["databases"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RestoreToTheCurrentInstanceWorks()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-prod", 1));
        Assert.Equal("Completed", (await emulator.WaitForJobAsync(jobId))["status"]!.GetValue<string>());
        var data = await emulator.DataAsync("erp-prod");
        Assert.False(data["live"]!.GetValue<bool>());
        Assert.Equal(2, data["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task UnknownJobIsDbs200543()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.GetAsync("jobs?id=ff80808157127d9301571bf8160c001d"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200543"), (status, code));
    }

    [Fact]
    public async Task SettingsChangeJobTimesAtRunTime()
    {
        await using var emulator = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 600_000);
        var settings = await emulator.AdminJsonAsync(HttpMethod.Put, "settings", "{\"job_invisible_ms\":0,\"job_duration_ms\":100}");
        Assert.Equal(100, settings["job_duration_ms"]!.GetValue<int>());
        var jobId = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        Assert.Equal("Completed", (await emulator.WaitForJobAsync(jobId))["status"]!.GetValue<string>());
        var bad = await emulator.Http.PutAsync("/_emulator/settings", new StringContent("{\"job_duration_ms\":-1}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ArrangedDurationMakesASlowJob()
    {
        await using var emulator = await RunningEmulator.StartAsync(invisibleMs: 0, durationMs: 100);
        await emulator.AdminJsonAsync(HttpMethod.Put, $"instances/erp-staging/next-restore", "{\"duration_ms\":600000}");
        var slow = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-staging"));
        var quick = await emulator.RestoreAcceptedAsync(FromBackup("erp-prod", "erp-reporting"));
        Assert.Equal("Completed", (await emulator.WaitForJobAsync(quick))["status"]!.GetValue<string>());
        Assert.Equal("Running", (await emulator.GetJsonAsync("jobs?id=" + slow))["job"]!["status"]!.GetValue<string>());
        Assert.Equal("RESTORING", await emulator.StatusOfAsync("erp-staging"));
    }
}
