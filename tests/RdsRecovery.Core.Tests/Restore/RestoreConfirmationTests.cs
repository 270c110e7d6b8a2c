using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Restore;

public sealed class RestoreConfirmationTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly RestoreFacts Facts = new()
    {
        Source = new RdsInstance { Id = "src1", Name = "erp-prod" },
        Target = new RdsInstance { Id = "tgt1", Name = "erp-staging" },
        Backup = new RdsBackup { Id = "bk1", Name = "nightly", EndTime = new DateTimeOffset(2026, 11, 27, 20, 6, 0, TimeSpan.Zero) },
    };

    private static RestoreConfirmation For(RestoreRequest request, RestoreFacts? facts) =>
        RestoreConfirmation.For(request, facts, request.ToJson(), "Body of POST /v3/{project_id}/instances/recovery: " + request.ToJson());

    [Fact]
    public void The_prompt_leads_with_the_target_name_then_id_and_names_the_backup_and_its_end_time()
    {
        var words = For(RestoreRequest.ForBackup("src1", "tgt1", "bk1"), Facts);
        Assert.Equal("Overwrite erp-staging (tgt1)", words.Caption);
        Assert.StartsWith("erp-staging (tgt1): the WHOLE instance is overwritten with backup 'nightly' (bk1, ended 2026-11-27T20:06:00.000Z UTC) of erp-prod (src1).", words.Query);
        Assert.Contains("cannot be undone", words.Query);
    }

    [Fact]
    public void A_point_in_time_is_given_in_UTC_whatever_offset_it_was_given_with()
    {
        var time = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.FromHours(8));
        var words = For(RestoreRequest.ForPointInTime("src1", "tgt1", time, null, Clock), Facts);
        Assert.Contains("the data of erp-prod (src1) as of 2026-11-27T10:00:00.000Z (UTC)", words.Query);
    }

    [Fact]
    public void A_database_map_says_only_the_listed_databases_are_restored()
    {
        var map = new[] { new KeyValuePair<string, string?>("sales", "sales_copy"), new KeyValuePair<string, string?>("hr", "") };
        var words = For(RestoreRequest.ForBackup("src1", "tgt1", "bk1", map), Facts);
        Assert.Contains("ONLY the listed databases are restored", words.Query);
        Assert.Contains("sales as sales_copy, hr (under its own name)", words.Query);
        Assert.DoesNotContain("replaces", words.Query);
        Assert.DoesNotContain("WHOLE", words.Query);
    }

    [Fact]
    public void Without_facts_the_ids_stand_alone_and_the_same_instance_is_said_plainly()
    {
        var words = For(RestoreRequest.ForBackup("same1", "same1", "bk1"), null);
        Assert.Equal("Overwrite instance same1", words.Caption);
        Assert.Contains("its own backup bk1", words.Query);
        Assert.Contains("SAME instance", words.Query);
        Assert.Contains("\"backup_id\":\"bk1\"", words.Description);
    }
}
