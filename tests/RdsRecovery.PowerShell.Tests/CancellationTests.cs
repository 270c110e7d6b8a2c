using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json.Nodes;
using RdsRecovery.PowerShell.Commands;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// Ctrl+C as a host sends it: PowerShell.Stop() on a pipeline started with BeginInvoke, during a wait and during a
/// slow request (emulator latency fault). The tests assert states, never durations (bench/cancel measures those):
/// the pipeline ends Stopped, the client keeps nothing half-done, and a submitted restore goes on in the service.
/// </summary>
public sealed class CancellationTests : IClassFixture<CancellationEmulator>, IDisposable
{
    private const string Erp = "7b63b40ca1c07d188407e3c64ee772bdin01";
    private const string Staging = "4914c00a2e0baf9b9ca17102de91cf21in01";
    private const string Backup = "5cd7d817e2c03ebe01e1afd83b618862br01";

    private readonly CancellationEmulator _emulator;
    private readonly string _journal = Path.Combine(Path.GetTempPath(), "rds-cancel-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly string? _savedJournal;
    private readonly CancellationHost _host = new();
    private readonly Runspace _runspace;

    public CancellationTests(CancellationEmulator emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
        // Tests of one class run one at a time, and no other test class writes the journal.
        _savedJournal = Environment.GetEnvironmentVariable("RDSRECOVERY_JOURNAL");
        Environment.SetEnvironmentVariable("RDSRECOVERY_JOURNAL", _journal);
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(RestoreRdsInstanceCommand).Assembly.Location);
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
        Run(_emulator.ConnectLine);
    }

    public void Dispose()
    {
        _runspace.Dispose();
        Environment.SetEnvironmentVariable("RDSRECOVERY_JOURNAL", _savedJournal);
        File.Delete(_journal);
    }

    [Fact]
    public void Stopping_Wait_RdsRestoreJob_stops_the_waiting_not_the_restore()
    {
        _emulator.Put($"instances/{Staging}/next-restore", new { duration_ms = 3000 });
        var job = Run($"Restore-RdsInstance -SourceInstanceId {Erp} -TargetInstanceId {Staging} -BackupId {Backup} -Force").Single();
        var jobId = (string)job.Properties["JobId"].Value;

        using var ps = Start($"Wait-RdsRestoreJob -JobId {jobId} -PollInterval 0:0:0.2 -Timeout 0:2:0");
        WaitUntil(() => JobPolls(jobId) >= 2, "the wait polled the job");
        ps.Stop();

        AssertStopped(ps);
        Assert.Contains(_host.Warnings, w => w.Contains("The restore goes on") && w.Contains($"Get-RdsRestoreJob -JobId '{jobId}' | Wait-RdsRestoreJob"));
        AssertJournalHolds(("Sending", null), ("Submitted", jobId));
        AssertRestoreGoesOnAndCompletes(jobId);
    }

    [Fact]
    public void Stopping_Restore_RdsInstance_Wait_keeps_the_submitted_job_and_it_completes()
    {
        _emulator.Put($"instances/{Staging}/next-restore", new { duration_ms = 3000 });
        using var ps = Start($"Restore-RdsInstance -SourceInstanceId {Erp} -TargetInstanceId {Staging} -BackupId {Backup} -Force -Wait -PollInterval 0:0:0.2");
        WaitUntil(() => _emulator.Requests().Any(r => r.Path.Contains("/jobs?id=") && r.Status == 200), "the restore was sent and its job polled");
        ps.Stop();

        AssertStopped(ps);
        var jobId = SubmittedJobIds().Single();
        Assert.Contains(_host.Warnings, w => w.Contains("The restore goes on") && w.Contains(jobId));
        Assert.Single(_emulator.Requests(), r => r.Method == "POST");
        AssertRestoreGoesOnAndCompletes(jobId);
    }

    [Fact]
    public void Stopping_during_a_slow_read_cancels_the_request()
    {
        _emulator.Put("faults", new { seed = 1, rules = new object[] { new { kind = "latency", latency_ms = 60000, path = "/instances$" } } });
        using var ps = Start($"Get-RdsInstance -InstanceId {Erp}");
        WaitUntil(() => _emulator.FirstFaultHits() >= 1, "the slow request reached the service");
        ps.Stop();

        AssertStopped(ps);
        Assert.False(File.Exists(_journal), "a read writes nothing to the journal");
        // The service saw the client go away: the request ends in the log without an answer having been read.
        WaitUntil(() => _emulator.Requests().Any(r => r.Path.Contains("/instances")), "the aborted request was logged");
        Assert.DoesNotContain(_emulator.Requests(), r => r.Method == "POST");
    }

    [Fact]
    public void Stopping_during_a_slow_restore_post_leaves_an_outcome_unknown_record_that_Recent_reports()
    {
        _emulator.Put("faults", new { seed = 1, rules = new object[] { new { kind = "latency", latency_ms = 60000, method = "POST" } } });
        using var ps = Start($"Restore-RdsInstance -SourceInstanceId {Erp} -TargetInstanceId {Staging} -BackupId {Backup} -Force");
        WaitUntil(() => _emulator.FirstFaultHits() >= 1, "the restore POST reached the service");
        ps.Stop();

        AssertStopped(ps);
        // Nothing half-done: the journal says the POST was sent and its outcome is unknown, so a rerun or -Recent can tell.
        AssertJournalHolds(("Sending", null), ("OutcomeUnknown", null));
        _emulator.Put("faults", new { seed = 1, rules = Array.Empty<object>() });
        using var recent = System.Management.Automation.PowerShell.Create();
        recent.Runspace = _runspace;
        recent.AddScript("Get-RdsRestoreJob -Recent");
        recent.Invoke();
        Assert.Contains(recent.Streams.Warning, w => w.Message.Contains(Staging) && w.Message.Contains("may be running"));
    }

    // -------------------------------------------------------------------------------------------------------------

    private List<PSObject> Run(string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var output = ps.Invoke().ToList();
        Assert.False(ps.HadErrors, string.Join(" ", ps.Streams.Error.Select(e => e.ToString())));
        return output;
    }

    private System.Management.Automation.PowerShell Start(string script)
    {
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        ps.BeginInvoke();
        return ps;
    }

    private static void AssertStopped(System.Management.Automation.PowerShell ps)
    {
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.DoesNotContain(ps.Streams.Error, e => e.Exception is not PipelineStoppedException);
    }

    private int JobPolls(string jobId) => _emulator.Requests().Count(r => r.Path.Contains("/jobs?id=" + jobId));

    private List<JsonNode> JournalLines() =>
        File.Exists(_journal)
            ? File.ReadAllLines(_journal).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList()
            : new List<JsonNode>();

    private List<string> SubmittedJobIds() =>
        JournalLines().Where(l => (string?)l["phase"] == "Submitted").Select(l => (string)l["jobId"]!).ToList();

    private void AssertJournalHolds(params (string Phase, string? JobId)[] expected)
    {
        var lines = JournalLines();
        Assert.Equal(expected.Select(e => e.Phase), lines.Select(l => (string?)l["phase"]));
        for (var i = 0; i < expected.Length; i++)
            if (expected[i].JobId is { } id) Assert.Equal(id, (string?)lines[i]["jobId"]);
        Assert.Single(lines.Select(l => (string?)l["attemptId"]).Distinct());
    }

    private void AssertRestoreGoesOnAndCompletes(string jobId)
    {
        Assert.Equal("RESTORING", (string?)_emulator.Get($"instances/{Staging}/data")["status"]);
        var final = Run($"Get-RdsRestoreJob -JobId {jobId} | Wait-RdsRestoreJob -PollInterval 0:0:0.5 -Timeout 0:1:0").Single();
        Assert.Equal("Completed", final.Properties["Status"].Value.ToString());
        Assert.Equal("ACTIVE", final.Properties["TargetStatus"].Value);
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition()) return;
            Thread.Sleep(50);
        }
        Assert.Fail("Gave up waiting until " + what);
    }
}
