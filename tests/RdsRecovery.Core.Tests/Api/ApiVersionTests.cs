using System.Net;
using System.Text;
using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Core.Tests.Auth;
using RdsRecovery.Core.Tests.Restore;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;

namespace RdsRecovery.Core.Tests.Api;

/// <summary>The two restore API versions: chosen on the connection, posted to their own path with their own body, recorded.</summary>
public sealed class ApiVersionTests : IDisposable
{
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "apiversion-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_journalPath);

    private static RdsConnection Resolve(string? variable, RdsRestoreApiVersion? explicitVersion = null)
    {
        var env = new TestEnvironment();
        if (variable is not null) env.Variables[RdsEnvironmentVariables.ApiVersion] = variable;
        return RdsConnection.Resolve(new RdsConnectionOptions
        {
            Region = "ap-southeast-1", ProjectId = "project1", Credentials = RdsCredentials.FromAccessKey("AK", "SK"), ApiVersion = explicitVersion,
        }, env.Build());
    }

    [Fact]
    public void The_connection_defaults_to_v3_and_the_seed_profile()
    {
        var c = Resolve(null);
        Assert.Equal("v3", c.ApiVersion);
        Assert.Equal(RdsRuleProfile.Seed, c.RuleProfile);
        Assert.Contains("API v3", c.ToString());
    }

    [Theory]
    [InlineData("v3.1", "v3.1")]
    [InlineData(" V3.1 ", "v3.1")]
    [InlineData("3.1", "v3.1")]
    [InlineData("v3", "v3")]
    public void RDSRECOVERY_API_VERSION_sets_the_version(string variable, string expected) => Assert.Equal(expected, Resolve(variable).ApiVersion);

    [Fact]
    public void The_explicit_version_wins_over_the_variable()
    {
        var c = Resolve("v3", RdsRestoreApiVersion.V31);
        Assert.Equal("v3.1", c.ApiVersion);
        Assert.Equal(RdsRuleProfile.V31, c.RuleProfile);
    }

    [Fact]
    public void A_variable_naming_no_version_is_InvalidApiVersion()
    {
        var ex = Assert.Throws<RdsException>(() => Resolve("v4"));
        Assert.Equal(RdsErrorIds.InvalidApiVersion, ex.ErrorId);
        Assert.Contains("'v4'", ex.Message);
    }

    [Theory]
    [InlineData(RdsRestoreApiVersion.V3, "/v3/", HttpStatusCode.OK)]
    [InlineData(RdsRestoreApiVersion.V3, "/v3/", HttpStatusCode.Created)]
    [InlineData(RdsRestoreApiVersion.V3, "/v3/", HttpStatusCode.Accepted)]
    [InlineData(RdsRestoreApiVersion.V31, "/v3.1/", HttpStatusCode.OK)]
    [InlineData(RdsRestoreApiVersion.V31, "/v3.1/", HttpStatusCode.Created)]
    [InlineData(RdsRestoreApiVersion.V31, "/v3.1/", HttpStatusCode.Accepted)]
    public async Task Every_2xx_with_a_job_id_is_success_on_the_connections_path(RdsRestoreApiVersion version, string prefix, HttpStatusCode status)
    {
        var connection = new RdsConnection("ap-southeast-1", TestConnections.ProjectId, new Uri("https://rds.ap-southeast-1.myhuaweicloud.com"),
            RdsCredentials.FromAccessKey("AK", "SK"), apiVersion: version);
        var (client, handler, _) = TestConnections.Client(_ => FakeRdsHandler.Json("{\"job_id\":\"j1\"}", status), connection);
        var submission = await client.SubmitRestoreAsync("{\"source\":{},\"target\":{\"instance_id\":\"t\"}}");
        Assert.Equal("j1", submission.JobId);
        Assert.Equal((int)status, submission.HttpStatus);
        Assert.Equal(RdsApiVersions.Name(version), submission.ApiVersion);
        Assert.Equal(prefix + TestConnections.ProjectId + "/instances/recovery", handler.Requests[0].Uri.AbsolutePath);
    }

    private static RestoreRequest SqlRestore(params (string, string)[] map) => RestoreRequest.ForBackup(FakeRdsService.SqlSourceId, FakeRdsService.SqlTargetId, "bk4",
        map.Length == 0 ? null : map.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)));

    [Fact]
    public void Only_a_v31_SQL_Server_restore_without_a_map_sends_restore_all_database()
    {
        Assert.Equal(true, RestoreWire.SendsRestoreAllDatabases(SqlRestore(), RdsRestoreApiVersion.V31, "SQLServer"));
        Assert.EndsWith("\"restore_all_database\":true},\"target\":{\"instance_id\":\"" + FakeRdsService.SqlTargetId + "\"}}",
            RestoreWire.Body(SqlRestore(), RdsRestoreApiVersion.V31, "SQLServer"));
        Assert.DoesNotContain("restore_all_database", RestoreWire.Body(SqlRestore(("sales", "sales_copy")), RdsRestoreApiVersion.V31, "SQLServer"));
        Assert.DoesNotContain("restore_all_database", RestoreWire.Body(SqlRestore(), RdsRestoreApiVersion.V3, "SQLServer"));
        Assert.DoesNotContain("restore_all_database", RestoreWire.Body(SqlRestore(), RdsRestoreApiVersion.V31, "MySQL"));
        Assert.Null(RestoreWire.SendsRestoreAllDatabases(SqlRestore(), RdsRestoreApiVersion.V31, null));
        Assert.Equal(false, RestoreWire.SendsRestoreAllDatabases(SqlRestore(), RdsRestoreApiVersion.V3, null));
    }

    [Fact]
    public async Task A_v31_submit_without_the_engine_looks_the_source_up_and_journals_version_and_profile()
    {
        var service = new FakeRdsService();
        var connection = new RdsConnection("ap-southeast-1", TestConnections.ProjectId, new Uri("https://rds.ap-southeast-1.myhuaweicloud.com"),
            RdsCredentials.FromAccessKey("AK", "SK"), apiVersion: RdsRestoreApiVersion.V31);
        var (client, handler, _) = TestConnections.Client(service.Respond, connection);
        var journal = new RestoreJournal(_journalPath);

        var job = await new RestoreSubmitter(client, journal).SubmitAsync(SqlRestore(), CancellationToken.None, ruleProfile: RdsRuleProfile.V31);

        var post = Assert.Single(handler.Requests, r => r.Method == "POST");
        Assert.Equal("/v3.1/" + TestConnections.ProjectId + "/instances/recovery", post.Uri.AbsolutePath);
        Assert.Contains("\"restore_all_database\":true", Encoding.UTF8.GetString(post.Body));
        Assert.Equal("v3.1", job.ApiVersion);
        Assert.Equal("V31", job.RuleProfile);
        Assert.All(journal.Read(), e => Assert.Equal(("v3.1", "V31"), (e.ApiVersion, e.RuleProfile)));
        Assert.Equal(("v3.1", "V31"), (journal.Read()[^1].ToRestoreJob().ApiVersion, journal.Read()[^1].ToRestoreJob().RuleProfile));
    }

    [Fact]
    public async Task A_v3_submit_never_looks_the_source_up_and_journals_skipped_rules_as_no_profile()
    {
        var (client, handler, _) = TestConnections.Client(new FakeRdsService().Respond);
        var journal = new RestoreJournal(_journalPath);
        var job = await new RestoreSubmitter(client, journal).SubmitAsync(SqlRestore(), CancellationToken.None);
        Assert.Single(handler.Requests);
        Assert.Equal(("v3", null), (job.ApiVersion, job.RuleProfile));
        Assert.All(journal.Read(), e => Assert.Equal(("v3", (string?)null), (e.ApiVersion, e.RuleProfile)));
    }
}
