using RdsRecovery.Api;
using RdsRecovery.Auth;

namespace RdsRecovery.Core.Tests.Api;

internal static class TestConnections
{
    public const string ProjectId = "0483b6b16e954cb88930a360d2c4e663";
    public static readonly DateTimeOffset SigningTime = new(2019, 11, 15, 3, 36, 55, TimeSpan.Zero);

    public static RdsConnection AkSk(string ak = "AccessKey", string sk = "SecretKey", string? securityToken = null,
        string endpoint = "https://rds.ap-southeast-1.myhuaweicloud.com") =>
        new("ap-southeast-1", ProjectId, new Uri(endpoint), RdsCredentials.FromAccessKey(ak, sk, securityToken));

    public static (RdsClient Client, FakeRdsHandler Handler, FakeClock Clock) Client(
        Func<SeenRequest, HttpResponseMessage> respond, RdsConnection? connection = null, RdsRetryPolicy? retry = null, IRdsClientLog? log = null)
    {
        var handler = new FakeRdsHandler(respond);
        var clock = new FakeClock(SigningTime);
        return (Create(handler, clock, connection, retry, log), handler, clock);
    }

    public static RdsClient Create(FakeRdsHandler handler, FakeClock clock, RdsConnection? connection = null, RdsRetryPolicy? retry = null,
        IRdsClientLog? log = null, TimeSpan? timeout = null) =>
        (connection ?? AkSk()).CreateClient(new RdsClientOptions
        {
            Handler = handler, Clock = () => clock.Now, Delay = clock.Delay, Random = () => 0.5, Retry = retry ?? RdsRetryPolicy.Default, Log = log,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(60),
        });
}

internal sealed class ListLog : IRdsClientLog
{
    private readonly List<string> _lines = new();
    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }
    public IReadOnlyList<string> VerboseLines { get { lock (_lines) return _lines.Where(l => l.StartsWith("V ", StringComparison.Ordinal)).ToList(); } }
    public void Verbose(string message) { lock (_lines) _lines.Add("V " + message); }
    public void Debug(string message) { lock (_lines) _lines.Add("D " + message); }
}
