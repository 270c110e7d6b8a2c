using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Model;

public class RestoreRequestTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Backup_request_has_backup_mode_and_no_time()
    {
        var r = RestoreRequest.ForBackup("s", "t", "bk");
        Assert.Equal(RestoreMode.Backup, r.Mode);
        Assert.Equal("bk", r.BackupId);
        Assert.Null(r.RestoreTime);
        Assert.Null(r.DatabaseMap);
        Assert.False(r.IsRestoreToSource);
    }

    [Fact]
    public void Point_in_time_request_has_time_mode_and_no_backup()
    {
        var r = RestoreRequest.ForPointInTime("s", "t", Clock.UtcNow.AddHours(-1), null, Clock);
        Assert.Equal(RestoreMode.PointInTime, r.Mode);
        Assert.Null(r.BackupId);
        Assert.Equal(Clock.UtcNow.AddHours(-1), r.RestoreTime);
    }

    [Fact]
    public void Restore_to_the_current_instance_is_stated_and_described_plainly()
    {
        var r = RestoreRequest.ForBackup("same1", "same1", "bk");
        Assert.True(r.IsRestoreToSource);
        Assert.Contains("SAME instance same1", r.Describe());
        Assert.Contains("overwritten", r.Describe());
    }

    [Fact]
    public void Ids_are_compared_exactly_for_restore_to_source()
    {
        Assert.False(RestoreRequest.ForBackup("abc", "ABC", "bk").IsRestoreToSource);
    }

    [Fact]
    public void Describe_names_source_target_backup_and_utc_time()
    {
        var backup = RestoreRequest.ForBackup("s1", "t1", "bk1").Describe();
        Assert.Contains("backup bk1", backup);
        Assert.Contains("instance s1", backup);
        Assert.Contains("instance t1", backup);
        var time = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.FromHours(8));
        var pit = RestoreRequest.ForPointInTime("s1", "t1", time, null, Clock).Describe();
        Assert.Contains("2026-11-27T10:00:00.000Z", pit);
    }

    [Fact]
    public void Map_is_kept_in_the_order_given()
    {
        var map = new[] { new KeyValuePair<string, string?>("b", "x"), new KeyValuePair<string, string?>("a", ""), new KeyValuePair<string, string?>("c", "y") };
        var r = RestoreRequest.ForBackup("s", "t", "bk", map);
        Assert.Equal(new[] { "b", "a", "c" }, r.DatabaseMap!.Select(p => p.Key));
        Assert.Equal(new[] { "x", "", "y" }, r.DatabaseMap!.Select(p => p.Value));
    }

    [Fact]
    public void Create_throws_with_every_refusal_in_a_fixed_order()
    {
        var ex = Assert.Throws<RdsValidationException>(() =>
            RestoreRequest.Create("bad/id", "", null, null, Array.Empty<KeyValuePair<string, string?>>(), Clock));
        Assert.Equal(new[] { RdsErrorIds.InvalidInstanceId, RdsErrorIds.InvalidInstanceId, RdsErrorIds.BackupOrRestoreTimeRequired, RdsErrorIds.InvalidDatabaseMap },
            ex.Errors.Select(e => e.Id));
        Assert.Equal("SourceInstanceId", ex.Errors[0].ParameterName);
        Assert.Equal("TargetInstanceId", ex.Errors[1].ParameterName);
        Assert.Same(ex.Errors[0], ex.Error);
    }

    [Fact]
    public void TryCreate_returns_no_errors_on_success()
    {
        Assert.True(RestoreRequest.TryCreate("s", "t", "b", null, null, Clock, out var request, out var errors));
        Assert.NotNull(request);
        Assert.Empty(errors);
    }

    [Fact]
    public void ToString_shows_the_pair_and_what_is_restored()
    {
        Assert.Equal("s -> t (backup b)", RestoreRequest.ForBackup("s", "t", "b").ToString());
        Assert.Equal("s -> t (time 2018-07-19T11:57:26.987Z)",
            RestoreRequest.ForPointInTime("s", "t", DateTimeOffset.FromUnixTimeMilliseconds(1532001446987), null, Clock).ToString());
    }
}
