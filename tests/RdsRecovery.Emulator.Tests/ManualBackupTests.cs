using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>Manual backups: BUILDING then COMPLETED (or FAILED when arranged), the instance BACKING UP meanwhile, delete, and the data they capture.</summary>
public sealed class ManualBackupTests
{
    private static Task<HttpResponseMessage> Create(RunningEmulator emulator, string instance, string name, object? extra = null)
    {
        var body = new JsonObject { ["instance_id"] = RunningEmulator.Id(instance), ["name"] = name };
        if (extra is not null) foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject()) body[key] = value?.DeepClone();
        return emulator.SendAsync(HttpMethod.Post, $"/v3/{emulator.ProjectId}/backups", body.ToJsonString());
    }

    private static async Task<JsonObject> Listed(RunningEmulator emulator, string instance, string backupId) =>
        (await emulator.GetJsonAsync($"backups?instance_id={RunningEmulator.Id(instance)}&backup_id={backupId}"))["backups"]![0]!.AsObject();

    [Fact]
    public async Task A_backup_is_BUILDING_with_its_instance_BACKING_UP_until_its_time_then_COMPLETED()
    {
        await using var emulator = await RunningEmulator.StartAsync(durationMs: 600_000);
        await emulator.AdminJsonAsync(HttpMethod.Put, $"instances/{RunningEmulator.Id("erp-dev-small")}/next-backup", "{\"duration_ms\":0}");
        using var response = await Create(emulator, "erp-staging", "nightly-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backup = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["backup"]!;
        Assert.Equal("BUILDING", backup["status"]!.GetValue<string>());
        Assert.Equal("manual", backup["type"]!.GetValue<string>());
        Assert.Equal("BACKING UP", await emulator.StatusOfAsync("erp-staging"));
        Assert.Null((await Listed(emulator, "erp-staging", backup["id"]!.GetValue<string>()))["end_time"]);

        // A restore into it, or a second backup, is refused as busy meanwhile.
        var (status, code, _, _) = await RunningEmulator.ErrorOf(Create(emulator, "erp-staging", "nightly-2"));
        Assert.Equal((HttpStatusCode.Conflict, "DBS.201205"), (status, code));

        using var quick = await Create(emulator, "erp-dev-small", "nightly-1");
        var quickId = JsonNode.Parse(await quick.Content.ReadAsStringAsync())!["backup"]!["id"]!.GetValue<string>();
        var done = await Listed(emulator, "erp-dev-small", quickId);
        Assert.Equal("COMPLETED", done["status"]!.GetValue<string>());
        Assert.NotNull(done["end_time"]);
        Assert.Equal("ACTIVE", await emulator.StatusOfAsync("erp-dev-small"));
    }

    [Fact]
    public async Task An_arranged_failure_ends_FAILED_and_the_instance_is_ACTIVE_again()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        await emulator.AdminJsonAsync(HttpMethod.Put, $"instances/{RunningEmulator.Id("erp-staging")}/next-backup", "{\"fail_reason\":\"disk\",\"duration_ms\":0}");
        using var response = await Create(emulator, "erp-staging", "doomed");
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["backup"]!["id"]!.GetValue<string>();
        Assert.Equal("FAILED", (await Listed(emulator, "erp-staging", id))["status"]!.GetValue<string>());
        Assert.Equal("ACTIVE", await emulator.StatusOfAsync("erp-staging"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("9lives")]
    [InlineData("has space")]
    public async Task Names_outside_the_documented_grammar_are_parameter_errors(string name)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (status, code, _, _) = await RunningEmulator.ErrorOf(Create(emulator, "erp-staging", name));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }

    [Fact]
    public async Task A_name_already_used_and_databases_on_MySQL_are_refused()
    {
        await using var emulator = await RunningEmulator.StartAsync(durationMs: 0);
        using (await Create(emulator, "erp-staging", "once-only")) { }
        var (status, code, message, _) = await RunningEmulator.ErrorOf(Create(emulator, "erp-staging", "once-only"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
        Assert.Contains("unique", message);
        (status, code, _, _) = await RunningEmulator.ErrorOf(Create(emulator, "erp-prod", "subset", new { databases = new[] { new { name = "erp" } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }

    [Fact]
    public async Task Restoring_a_manual_backup_into_its_instance_puts_back_the_data_it_captured()
    {
        await using var emulator = await RunningEmulator.StartAsync(durationMs: 0);
        using var response = await Create(emulator, "erp-staging", "before");
        var backup = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["backup"]!;
        var captured = (await Listed(emulator, "erp-staging", backup["id"]!.GetValue<string>()));
        var marker = "erp-staging@" + DateTimeOffset.ParseExact(backup["begin_time"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal("COMPLETED", captured["status"]!.GetValue<string>());

        await emulator.WaitForJobAsync(await emulator.RestoreAcceptedAsync(new
        {
            source = new { instance_id = RunningEmulator.Id("erp-prod"), type = "backup", backup_id = RunningEmulator.BackupId("erp-prod", 0) },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        }));
        Assert.NotEqual(marker, (await emulator.DataAsync("erp-staging"))["data_version"]!.GetValue<string>());
        await emulator.WaitForJobAsync(await emulator.RestoreAcceptedAsync(new
        {
            source = new { instance_id = RunningEmulator.Id("erp-staging"), type = "backup", backup_id = backup["id"]!.GetValue<string>() },
            target = new { instance_id = RunningEmulator.Id("erp-staging") },
        }));
        Assert.Equal(marker, (await emulator.DataAsync("erp-staging"))["data_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_removes_a_manual_backup_and_refuses_an_automated_one()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var manual = RunningEmulator.BackupId("erp-prod", 3);
        using var deleted = await emulator.SendAsync(HttpMethod.Delete, $"/v3/{emulator.ProjectId}/backups/{manual}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await emulator.GetJsonAsync($"backups?instance_id={WellKnown.ErpProd}&backup_id={manual}"))["backups"]!.AsArray());
        var (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.SendAsync(HttpMethod.Delete, $"/v3/{emulator.ProjectId}/backups/{manual}"));
        Assert.Equal((HttpStatusCode.NotFound, "DBS.201010"), (status, code));
        (status, code, _, _) = await RunningEmulator.ErrorOf(emulator.SendAsync(HttpMethod.Delete, $"/v3/{emulator.ProjectId}/backups/{RunningEmulator.BackupId("erp-prod", 0)}"));
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (status, code));
    }
}
