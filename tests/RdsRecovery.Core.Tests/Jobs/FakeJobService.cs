using System.Net;
using System.Net.Http;
using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;

namespace RdsRecovery.Core.Tests.Jobs;

/// <summary>A scripted job service on the fake clock: each job and target changes state at given seconds after the start.</summary>
internal sealed class FakeJobService
{
    public sealed class Script
    {
        public double VisibleAt { get; init; }
        /// <summary>Null: runs forever.</summary>
        public double? EndsAt { get; init; }
        public string EndStatus { get; init; } = "Completed";
        public string? FailReason { get; init; }
        public string Target { get; init; } = "tgt";
        /// <summary>Seconds after the start at which the target turns ACTIVE (or TargetEndStatus); null: never.</summary>
        public double? TargetActiveAt { get; init; } = 0;
        public string TargetEndStatus { get; init; } = "ACTIVE";
        public string? Process { get; init; }
    }

    private int _inFlight;
    public Dictionary<string, Script> Jobs { get; } = new();
    public FakeClock Clock { get; } = new(TestConnections.SigningTime);
    public static DateTimeOffset Start => TestConnections.SigningTime;
    public FakeRdsHandler Handler { get; }
    public int MaxInFlight { get; private set; }
    public Func<SeenRequest, HttpResponseMessage?>? Override { get; set; }

    public FakeJobService()
    {
        Handler = new FakeRdsHandler(async (r, _) =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (Jobs) MaxInFlight = Math.Max(MaxInFlight, now);
            await Task.Yield();
            try { return Override?.Invoke(r) ?? Answer(r); }
            finally { Interlocked.Decrement(ref _inFlight); }
        });
    }

    private double Elapsed => (Clock.Now - Start).TotalSeconds;

    private HttpResponseMessage Answer(SeenRequest r)
    {
        if (r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal))
        {
            var id = r.Query("id");
            if (!Jobs.TryGetValue(id, out var s) || Elapsed < s.VisibleAt)
                return FakeRdsHandler.Json("{\"error_code\":\"DBS.200543\",\"error_msg\":\"The job does not exist.\"}", HttpStatusCode.BadRequest);
            var ended = s.EndsAt is double e && Elapsed >= e;
            var status = ended ? s.EndStatus : "Running";
            var fail = s.FailReason is null || !ended ? "" : $",\"fail_reason\":\"{s.FailReason}\"";
            var process = ended ? "" : s.Process ?? "";
            return FakeRdsHandler.Json($"{{\"job\":{{\"id\":\"{id}\",\"name\":\"RestoreToExistingInstance\",\"status\":\"{status}\",\"process\":\"{process}\","
                + $"\"created\":\"2019-11-15T03:36:55+0000\",\"instance\":{{\"id\":\"{s.Target}\",\"name\":\"{s.Target}-name\"}}{fail}}}}}");
        }
        if (r.Uri.AbsolutePath.EndsWith("/instances", StringComparison.Ordinal))
        {
            var id = r.Query("id");
            var s = Jobs.Values.First(j => j.Target == id);
            var status = s.TargetActiveAt is double a && Elapsed >= a ? s.TargetEndStatus : "RESTORING";
            return FakeRdsHandler.Json($"{{\"instances\":[{{\"id\":\"{id}\",\"name\":\"{id}-name\",\"status\":\"{status}\"}}],\"total_count\":1}}");
        }
        return FakeRdsHandler.Json("{}", HttpStatusCode.NotFound);
    }

    public RdsClient Client() => TestConnections.Create(Handler, Clock, retry: RdsRetryPolicy.None);

    public int JobPolls(string id) => Handler.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal) && r.Query("id") == id);
    public int TargetPolls(string id) => Handler.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/instances", StringComparison.Ordinal) && r.Query("id") == id);
}
