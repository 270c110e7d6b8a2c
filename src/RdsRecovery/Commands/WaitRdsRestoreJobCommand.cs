using RdsRecovery.Journal;
using RdsRecovery.PowerShell.Background;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Waits for restore jobs (all piped in at once, polled together) until each has Completed and its target is ACTIVE
/// again, with a progress bar per job. A failed job is an error carrying the service's reason. Ctrl+C and -Timeout
/// stop the waiting, never the restore.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "RdsRestoreJob", DefaultParameterSetName = JobSet)]
[OutputType(typeof(RdsRestoreJob))]
[OutputType(typeof(RdsBackgroundJob))]
public sealed class WaitRdsRestoreJobCommand : RestoreJobWaitingCmdlet
{
    public const string JobSet = "Job";
    public const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public RdsRestoreJob[] Job { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("job_id")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[] JobId { get; set; } = null!;

    /// <summary>Wait as a PowerShell job: Receive-Job gives the finished jobs; Stop-Job stops the waiting, never a restore.</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    private BackgroundStart? _background;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // A job checks what it can before it starts: a setting it would refuse later is refused here.
        if (AsJob) ThrowIfWaitSettingsInvalid();
        _background = BackgroundStart.Begin(this, AsJob, ResolveConnection);
    }

    protected override void ProcessInput()
    {
        if (_background is not null)
        {
            // What was piped, as it would bind again in the job: the jobs themselves, or their ids as JobId.
            if (ParameterSetName == JobSet) foreach (var job in Job) _background.Add(job);
            else foreach (var id in JobId) _background.Add(JobIdRow(id));
            return;
        }
        ThrowIfWaitSettingsInvalid();
        var journal = Journal();
        if (ParameterSetName == JobSet)
        {
            foreach (var job in Job)
            {
                if (job is null) continue;
                // A job object built by hand has no submission time: the journal says whether this machine sent it
                // (then it gets the grace of a new job), else it is simply unknown if the service does not show it.
                if (job.SubmittedAt is null && !string.IsNullOrWhiteSpace(job.JobId) && journal.FindSubmitted(job.JobId) is { } sent) job.SubmittedAt = sent.Time;
                WaitFor(job);
            }
            return;
        }
        foreach (var id in JobId)
        {
            if (!InputChecks.IsValidJobId(this, id, nameof(JobId))) continue;
            WaitFor(journal.JobOrBare(id));
        }
    }

    private static PSObject JobIdRow(string id)
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty(nameof(JobId), id));
        return row;
    }

    protected override void EndInput()
    {
        _background?.Start();
        base.EndInput();
    }
}
