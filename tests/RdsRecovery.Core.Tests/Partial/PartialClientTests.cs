using System.Net;
using System.Text;
using System.Text.Json;
using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using static RdsRecovery.Core.Tests.Partial.PartialRequestTests;

namespace RdsRecovery.Core.Tests.Partial;

public sealed class PartialClientTests : IDisposable
{
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "partial-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose()
    {
        if (File.Exists(_journalPath)) File.Delete(_journalPath);
    }

    private static string Body(SeenRequest r) => Encoding.UTF8.GetString(r.Body);

    [Fact]
    public async Task The_history_listing_posts_the_SDK_body_to_the_engines_path_and_reads_the_limits()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"database_limit\":100,\"table_limit\":2000,\"instances\":[{\"id\":\"inst01\",\"name\":\"shop-db\",\"total_tables\":3,"
            + "\"databases\":[{\"name\":\"sales\",\"total_tables\":2},{\"name\":\"shop\",\"total_tables\":1}]}]}"));

        var listing = await client.ListHistoryDatabasesAsync(RdsEngine.MySql, new[] { "inst01" }, Time);

        var seen = Assert.Single(handler.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal($"/v3/{TestConnections.ProjectId}/mysql/instances/history/databases", seen.Uri.AbsolutePath);
        Assert.Equal("{\"instance_ids\":[\"inst01\"],\"restore_time\":" + Time.ToUnixTimeMilliseconds() + "}", Body(seen));
        Assert.Equal(100, listing.DatabaseLimit);
        Assert.Equal(new[] { "sales", "shop" }, listing.Databases.Select(d => d.Name));
        Assert.Equal(2000, listing.Databases[0].TableLimit);
        Assert.Equal("shop-db", listing.Databases[0].InstanceName);
        Assert.Equal(TimeSpan.Zero, listing.Databases[0].RestoreTime.Offset);
    }

    [Fact]
    public async Task The_PostgreSQL_table_listing_and_the_fast_restore_question_use_their_documented_shapes()
    {
        var (client, handler, _) = TestConnections.Client(r => r.Uri.AbsolutePath.EndsWith("/fast-restore", StringComparison.Ordinal)
            ? FakeRdsHandler.Json("{\"support_fast_restore_list\":[{\"instance_id\":\"inst01\",\"is_support_fast_database_restore\":true,\"is_support_fast_table_restore\":false}]}")
            : FakeRdsHandler.Json("{\"table_limit\":20,\"instances\":[{\"id\":\"inst01\",\"databases\":[{\"name\":\"shop\",\"schemas\":[{\"name\":\"public\",\"tables\":[{\"name\":\"orders\"}]}]}]}]}"));

        var tables = await client.ListHistoryTablesAsync(new[] { "inst01" }, Time, "shop");
        var fast = Assert.Single(await client.ListFastRestoreSupportAsync(new[] { "inst01" }, Time));

        Assert.Equal($"/v3/{TestConnections.ProjectId}/postgresql/instances/history/tables", handler.Requests[0].Uri.AbsolutePath);
        Assert.Contains("\"database_name_like\":\"shop\"", Body(handler.Requests[0]));
        Assert.Equal("public.orders", Assert.Single(tables.Tables).ToString());
        Assert.Equal(20, tables.TableLimit);
        Assert.Equal("{\"restore_time\":\"2026-11-27T15:00:00+0000\",\"instance_ids\":[\"inst01\"]}", Body(handler.Requests[1]));
        Assert.True(fast.Databases);
        Assert.False(fast.Tables);
    }

    [Fact]
    public async Task A_database_restore_is_journalled_and_its_job_is_the_restore_result_of_its_instance()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json(
            "{\"restore_result\":[{\"instance_id\":\"other\",\"job_id\":\"job-x\"},{\"instance_id\":\"inst01\",\"job_id\":\"job-db\"}]}", HttpStatusCode.OK, "req-db"));
        var journal = new RestoreJournal(_journalPath);
        var request = Databases();

        var job = await new RestoreSubmitter(client, journal).SubmitAsync(request, CancellationToken.None, RdsRuleProfile.Seed);

        Assert.Equal("job-db", job.JobId);
        Assert.Equal(RestoreKind.Database, job.Kind);
        Assert.Equal("inst01", job.TargetInstanceId);
        Assert.Equal("sales -> sales_0301", job.RestoredObjects);
        Assert.Equal(request.ToJson(), Body(Assert.Single(handler.Requests)));
        var lines = journal.Read();
        Assert.Equal(new[] { RestoreJournalPhase.Sending, RestoreJournalPhase.Submitted }, lines.Select(l => l.Phase));
        Assert.Equal("Database", lines[1].Kind);
        Assert.Equal(RestoreKind.Database, lines[1].ToRestoreJob().Kind);
        Assert.Equal(request.ToJson(), lines[1].Body);
    }

    [Fact]
    public async Task A_lost_answer_to_a_table_restore_is_OutcomeUnknown_and_never_sent_again()
    {
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"error_code\":\"DBS.108000\",\"error_msg\":\"Server failure\"}", HttpStatusCode.InternalServerError));
        var journal = new RestoreJournal(_journalPath);

        await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => new RestoreSubmitter(client, journal).SubmitAsync(Tables(RdsEngine.MySql), CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal(RestoreJournalPhase.OutcomeUnknown, journal.Read()[^1].Phase);
    }

    [Fact]
    public async Task An_accepted_answer_without_this_instances_job_is_OutcomeUnknown()
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"restore_result\":[{\"instance_id\":\"other\",\"job_id\":\"job-x\"}]}"));
        var ex = await Assert.ThrowsAsync<RestoreOutcomeUnknownException>(() => client.SubmitPartialRestoreAsync(Databases(), Databases().ToJsonBytes()));
        Assert.Contains("inst01", ex.Message);
    }
}
