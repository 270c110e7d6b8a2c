using System.Net;
using System.Net.Http;
using RdsRecovery.Api;
using RdsRecovery.Backups;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Backups;

/// <summary>The documented manual backup grammar (rds_09_0004) and the create/delete calls as the SDK models define them.</summary>
public class ManualBackupTests
{
    [Theory]
    [InlineData("abcd")]
    [InlineData("Before-upgrade_2")]
    [InlineData("RdsRecovery-safety-20261201T023000Z")]
    public void Names_of_the_documented_grammar_pass(string name) => Assert.Null(ManualBackupRules.NameProblem(name));

    [Theory]
    [InlineData("abc", "3 characters")]
    [InlineData("1abc", "not a letter")]
    [InlineData("-abc", "not a letter")]
    [InlineData("ab cd", "character 3")]
    [InlineData("ab.cd", "character 3")]
    [InlineData("abcé", "character 4")]
    [InlineData("", "empty")]
    public void Names_outside_the_grammar_are_refused_with_the_reason(string name, string reason)
    {
        var error = ManualBackupRules.CheckName(name);
        Assert.NotNull(error);
        Assert.Equal(RdsErrorIds.InvalidBackupName, error!.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_name_of_65_characters_is_refused_and_64_pass()
    {
        Assert.Null(ManualBackupRules.NameProblem("a" + new string('b', 63)));
        Assert.NotNull(ManualBackupRules.NameProblem("a" + new string('b', 64)));
    }

    [Theory]
    [InlineData("a>b")]
    [InlineData("a=b")]
    [InlineData("it's")]
    public void Descriptions_with_forbidden_characters_are_refused(string description) =>
        Assert.Equal(RdsErrorIds.InvalidBackupDescription, ManualBackupRules.CheckDescription(description)!.Id);

    [Fact]
    public void The_safety_name_carries_the_UTC_time_whatever_the_offset_given()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 30, 5, TimeSpan.FromHours(8));
        Assert.Equal("RdsRecovery-safety-20261201T023005Z", ManualBackupRules.SafetyName(at));
        Assert.Null(ManualBackupRules.NameProblem(ManualBackupRules.SafetyName(at)));
    }

    [Fact]
    public void The_body_has_the_SDK_field_names()
    {
        Assert.True(ManualBackupRequest.TryCreate("i-in04", "nightly", "before \"x\"", new[] { "db1", "db2" }, out var request, out _) is false);
        Assert.True(ManualBackupRequest.TryCreate("i-in04", "nightly", "before x", new[] { "db1", "db2" }, out request, out _));
        Assert.Equal("{\"instance_id\":\"i-in04\",\"name\":\"nightly\",\"description\":\"before x\",\"databases\":[{\"name\":\"db1\"},{\"name\":\"db2\"}]}", request!.ToJson());
        Assert.True(ManualBackupRequest.TryCreate("i-in01", "nightly", null, null, out request, out _));
        Assert.Equal("{\"instance_id\":\"i-in01\",\"name\":\"nightly\"}", request!.ToJson());
    }

    [Fact]
    public void A_repeated_or_blank_database_is_refused()
    {
        Assert.False(ManualBackupRequest.TryCreate("i-in04", "nightly", null, new[] { "db1", "DB1" }, out _, out var errors));
        Assert.Equal(RdsErrorIds.InvalidBackupDatabases, Assert.Single(errors).Id);
        Assert.False(ManualBackupRequest.TryCreate("i-in04", "nightly", null, new[] { " " }, out _, out errors));
        Assert.Equal(RdsErrorIds.InvalidBackupDatabases, Assert.Single(errors).Id);
    }

    [Fact]
    public async Task Create_posts_the_body_once_and_reads_the_backup_answer()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"backup\":{\"id\":\"bk1br01\",\"instance_id\":\"i-in01\",\"name\":\"nightly\",\"description\":\"d\",\"begin_time\":\"2026-12-01T02:30:00+0000\",\"status\":\"BUILDING\",\"type\":\"manual\"}}"));
        ManualBackupRequest.TryCreate("i-in01", "nightly", "d", null, out var request, out _);
        var backup = await client.CreateManualBackupAsync(request!);
        Assert.Equal("bk1br01", backup.Id);
        Assert.Equal("BUILDING", backup.Status);
        Assert.Equal("d", backup.Description);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero), backup.BeginTime);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/v3/{TestConnections.ProjectId}/backups", sent.Uri.AbsolutePath);
        Assert.Equal(request!.ToJson(), System.Text.Encoding.UTF8.GetString(sent.Body));
    }

    [Fact]
    public async Task Create_is_not_sent_again_after_a_5xx_since_the_backup_may_exist()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"error_code\":\"DBS.108000\",\"error_msg\":\"x\"}", HttpStatusCode.InternalServerError));
        ManualBackupRequest.TryCreate("i-in01", "nightly", null, null, out var request, out _);
        var error = await Assert.ThrowsAsync<RdsServiceException>(() => client.CreateManualBackupAsync(request!));
        Assert.Equal(RdsErrorKind.ServerError, error.Kind);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Delete_accepts_an_answer_without_a_body()
    {
        var (client, handler, _) = TestConnections.Client(_ => new HttpResponseMessage(HttpStatusCode.OK));
        await client.DeleteManualBackupAsync("bk1br01");
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("DELETE", sent.Method);
        Assert.Equal($"/v3/{TestConnections.ProjectId}/backups/bk1br01", sent.Uri.AbsolutePath);
    }
}
