using System.Net;
using System.Net.Http;
using System.Text;
using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Reliability;

/// <summary>
/// A service that answers hostile things (HTML, wrong content types, spoiled or hostile JSON, huge or endless
/// bodies) to any one of the reads a restore needs: the whole restore path (facts, rules, submit) ends in an
/// RdsException with a specific error id, never another exception, and no restore is POSTed.
/// </summary>
public sealed class HostileAnswerTests
{
    private const string Source = "src-instance-01";
    private const string Target = "tgt-instance-01";
    private const string Backup = "bk-0001";

    private static readonly string Instances =
        "{\"instances\":[" + Instance(Source) + "," + Instance(Target) + "],\"total_count\":2}";

    private static string Instance(string id) =>
        "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"status\":\"ACTIVE\",\"region\":\"ap-southeast-1\"," +
        "\"datastore\":{\"type\":\"MySQL\",\"version\":\"5.7\",\"complete_version\":\"5.7.38\"},\"volume\":{\"type\":\"CLOUDSSD\",\"size\":100}}";

    private const string Backups =
        "{\"backups\":[{\"id\":\"" + Backup + "\",\"instance_id\":\"" + Source + "\",\"name\":\"b\",\"type\":\"auto\",\"status\":\"COMPLETED\"," +
        "\"begin_time\":\"2026-11-25T01:00:00+0800\",\"end_time\":\"2026-11-25T01:06:00+0800\",\"size\":1024," +
        "\"datastore\":{\"type\":\"MySQL\",\"version\":\"5.7\"}}],\"total_count\":1}";

    /// <summary>Hostile answers by name; each is built fresh for every request.</summary>
    public static readonly Dictionary<string, Func<HttpResponseMessage>> Answers = new()
    {
        ["html 200"] = () => Text("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>", "text/html", HttpStatusCode.OK),
        ["html 502"] = () => Text("<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>", "text/html", HttpStatusCode.BadGateway),
        ["html login page 200 as json"] = () => Text("<html><form action=/login>Sign in</form></html>", "application/json", HttpStatusCode.OK),
        ["plain text 200"] = () => Text("OK", "text/plain", HttpStatusCode.OK),
        ["xml 200"] = () => Text("<?xml version=\"1.0\"?><instances/>", "application/xml", HttpStatusCode.OK),
        ["truncated json"] = () => Json("{\"instances\":[{\"id\":\"src-ins"),
        ["truncated with comment"] = () => Json("{\"instances\":[{\"id\":<!--truncated"),
        ["json array"] = () => Json("[1,2,3]"),
        ["json null"] = () => Json("null"),
        ["json string"] = () => Json("\"instances\""),
        ["json number"] = () => Json("42"),
        ["empty body 200"] = () => Json(""),
        ["no content 204"] = () => new HttpResponseMessage(HttpStatusCode.NoContent),
        ["whitespace body"] = () => Json("   \n\t  "),
        ["list is an object"] = () => Json("{\"instances\":{\"id\":\"x\"},\"backups\":{\"id\":\"x\"},\"total_count\":1}"),
        ["list is a string"] = () => Json("{\"instances\":\"all\",\"backups\":\"all\",\"total_count\":1}"),
        ["deeply nested json"] = () => Json(new string('[', 100_000) + new string(']', 100_000)),
        ["nested object bomb"] = () => Json("{\"instances\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000) + "}"),
        ["invalid utf-8"] = () => Bytes(new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D }),
        ["nul bytes"] = () => Bytes(Encoding.UTF8.GetBytes("{\"instances\":[\0\0\0]}")),
        ["huge body 3 MB"] = () => Json("{\"instances\":[],\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}"),
        ["endless body"] = () =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream((byte)'[')) };
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return r;
        },
        ["html 500"] = () => Text("<html><body>Internal Server Error<pre>at Foo.Bar()</pre></body></html>", "text/html", HttpStatusCode.InternalServerError),
        ["error json 403 for a read"] = () => Json("{\"error_code\":\"DBS.200010\",\"error_msg\":\"<script>alert(1)</script>\"}", HttpStatusCode.Forbidden),
        ["error json 400 with huge message"] = () => Json("{\"error_code\":\"DBS.280001\",\"error_msg\":\"" + new string('m', 200_000) + "\"}", HttpStatusCode.BadRequest),
        ["redirect to elsewhere"] = () =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.Found);
            r.Headers.Location = new Uri("https://attacker.invalid/steal");
            return r;
        },
    };

    public static IEnumerable<object[]> Cases() =>
        from answer in Answers.Keys
        from path in new[] { "/instances", "/backups" }
        select new object[] { answer, path };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_answer_to_a_read_stops_the_restore_with_a_specific_error_and_sends_nothing(string answer, string poisonedPath)
    {
        var handler = new FakeRdsHandler(r =>
        {
            var path = r.Uri.AbsolutePath;
            if (path.EndsWith(poisonedPath, StringComparison.Ordinal)) return Answers[answer]();
            if (path.EndsWith("/instances", StringComparison.Ordinal)) return FakeRdsHandler.Json(Instances);
            if (path.EndsWith("/backups", StringComparison.Ordinal)) return FakeRdsHandler.Json(Backups);
            if (r.Method == "POST") return FakeRdsHandler.Json("{\"job_id\":\"0123456789abcdef0123456789abcdef\"}");
            return FakeRdsHandler.Json("{\"error_code\":\"APIGW.0101\",\"error_msg\":\"no such api\"}", HttpStatusCode.NotFound);
        });
        using var client = TestConnections.Create(handler, new FakeClock(TestConnections.SigningTime));

        var failure = await Record.ExceptionAsync(() => RestoreThroughEveryStep(client));

        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST");
        Assert.NotNull(failure);
        if (failure is RdsValidationException missing)
        {
            // A 200 answer whose list is empty or null says there is no such instance or backup: refused with a
            // specific id and nothing sent. (An answer with no list at all is RdsInvalidResponse.)
            Assert.All(missing.Errors, e => Assert.Contains(e.Id, new[] { RdsErrorIds.InstanceNotFound, RdsErrorIds.BackupNotFound }));
            return;
        }
        var rds = Assert.IsAssignableFrom<RdsException>(failure);
        Assert.Contains(rds.ErrorId, SpecificIds);
        Assert.True(rds.Message.Length < 5_000, $"the message is {rds.Message.Length} characters long");
    }

    [Theory]
    [MemberData(nameof(AnswerNames))]
    public async Task A_hostile_answer_to_the_restore_post_is_an_unknown_outcome_after_exactly_one_post(string answer)
    {
        var handler = new FakeRdsHandler(r => r.Method == "POST" ? Answers[answer]() : FakeRdsHandler.Json("{}"));
        using var client = TestConnections.Create(handler, new FakeClock(TestConnections.SigningTime));

        var failure = await Record.ExceptionAsync(() => client.SubmitRestoreAsync(
            "{\"source\":{\"instance_id\":\"" + Source + "\",\"type\":\"backup\",\"backup_id\":\"" + Backup + "\"},\"target\":{\"instance_id\":\"" + Target + "\"}}"));

        var rds = Assert.IsAssignableFrom<RdsException>(failure);
        Assert.Contains(rds.ErrorId, SpecificIds);
        Assert.Single(handler.Requests, r => r.Method == "POST");
        if (rds is not RestoreOutcomeUnknownException)
        {
            // Only a clear refusal (a 4xx error body, or a redirect, never followed) may say the restore was not accepted.
            var service = Assert.IsType<RdsServiceException>(rds);
            Assert.InRange(service.HttpStatus ?? 0, service.Kind == RdsErrorKind.Redirect ? 300 : 400, 499);
        }
        else
        {
            Assert.Contains(Target, rds.Message, StringComparison.Ordinal);
        }
    }

    public static IEnumerable<object[]> AnswerNames() => Answers.Keys.Select(k => new object[] { k });

    private static readonly string[] SpecificIds =
    {
        RdsErrorIds.RdsInvalidResponse, RdsErrorIds.RdsServerError, RdsErrorIds.RdsPermissionDenied, RdsErrorIds.RdsInvalidArgument,
        RdsErrorIds.RdsTransportError, RdsErrorIds.RestoreOutcomeUnknown, RdsErrorIds.RdsResourceNotFound, RdsErrorIds.RdsServiceError,
        RdsErrorIds.RdsRedirectNotFollowed,
    };

    /// <summary>What Restore-RdsInstance does: facts, rules, and the POST only when every rule passed.</summary>
    private static async Task RestoreThroughEveryStep(RdsClient client)
    {
        Assert.True(RestoreRequest.TryCreate(Source, Target, Backup, null, null, SystemClock.Instance, out var request, out _));
        var facts = await new RestoreFactsGatherer(client, journal: null).GatherAsync(request!, CancellationToken.None);
        var report = CompatibilityRules.Evaluate(request!, facts);
        if (!report.IsCompatible) throw new InvalidOperationException("the rules refused a valid pair: " + string.Join(" ", report.FailedRules.Select(r => r.Message)));
        await new RestoreSubmitter(client, journal: null).SubmitAsync(request!, CancellationToken.None);
        throw new InvalidOperationException("the restore was submitted despite a hostile answer");
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) => FakeRdsHandler.Json(body, status);

    private static HttpResponseMessage Text(string body, string mediaType, HttpStatusCode status)
    {
        var r = FakeRdsHandler.Text(body, mediaType, status);
        r.Headers.TryAddWithoutValidation("X-Request-Id", "req-hostile");
        return r;
    }

    private static HttpResponseMessage Bytes(byte[] body)
    {
        var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return r;
    }
}
