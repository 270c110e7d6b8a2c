using System;
using System.Linq;
using System.Management.Automation;
using RdsRecovery.Api;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Completion;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// The state of restore jobs: by id (from the pipeline too), or -Recent: the restores this user submitted lately,
/// from the local journal, so a runbook killed while waiting finds its jobs again.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RdsRestoreJob", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RdsRestoreJob))]
public sealed class GetRdsRestoreJobCommand : RdsServiceCmdlet
{
    public const string ByIdSet = "ById";
    public const string RecentSet = "Recent";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("job_id")]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[] JobId { get; set; } = null!;

    /// <summary>The restores recorded in the local journal, newest first.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RecentSet)]
    public SwitchParameter Recent { get; set; }

    /// <summary>With -Recent: how far back to look (default: 1 day).</summary>
    [Parameter(ParameterSetName = RecentSet)]
    public TimeSpan Within { get; set; } = TimeSpan.FromDays(1);

    /// <summary>With -Recent: only restores into this instance (its id or exact name).</summary>
    [Parameter(ParameterSetName = RecentSet)]
    [Alias("target_instance_id")]
    public string? TargetInstanceId { get; set; }

    private string? _current;
    protected override object? ErrorTarget => _current;

    protected override void ProcessInput()
    {
        var journal = RestoreJournal.Default();
        if (ParameterSetName == RecentSet)
        {
            WriteRecent(journal);
            return;
        }
        foreach (var id in JobId)
        {
            _current = id;
            if (!InputChecks.IsValidJobId(this, id, nameof(JobId))) continue;
            var job = journal.FindSubmitted(id)?.ToRestoreJob() ?? new RdsRestoreJob { JobId = id };
            WriteObject(Refresh(job));
        }
    }

    private void WriteRecent(RestoreJournal journal)
    {
        var connection = ResolveConnection();
        // The journal holds ids; a name given here is resolved once, like every instance parameter.
        var target = TargetInstanceId is null ? null : ResolveInstanceId(TargetInstanceId, "target", nameof(TargetInstanceId));
        var entries = journal.Read(DateTimeOffset.UtcNow - Within)
            .Where(e => string.Equals(e.Endpoint, connection.Endpoint.ToString(), StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.ProjectId, connection.ProjectId, StringComparison.Ordinal)
                && (target is null || string.Equals(e.TargetInstanceId, target, StringComparison.Ordinal)))
            .Reverse()
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Phase == RestoreJournalPhase.OutcomeUnknown)
            {
                WriteWarning($"A restore into {entry.TargetInstanceId} sent at {entry.Time.UtcDateTime:u} got no clear answer ({entry.Detail}); it may be running. " +
                    $"Check Get-RdsInstance -InstanceId {entry.TargetInstanceId} for status RESTORING.");
            }
            if (entry.Phase != RestoreJournalPhase.Submitted || entry.JobId is null) continue;
            _current = entry.JobId;
            WriteObject(Refresh(entry.ToRestoreJob(), withTargetStatus: true));
        }
    }

    /// <summary>
    /// The job as the service sees it now, from one request: a poll loop over many jobs should cost one call per job.
    /// A job too new to be visible stays Submitted. With -Recent (finding jobs again after a crash) the target's
    /// status is read too, since that is when it answers "is it still restoring?".
    /// </summary>
    private RdsRestoreJob Refresh(RdsRestoreJob job, bool withTargetStatus = false)
    {
        try
        {
            var info = Call((client, token) => client.GetJobAsync(job.JobId, token));
            info.ApplyTo(job);
        }
        catch (RdsServiceException ex) when (ex.IsJobNotFound && job.Status == RdsJobStatus.Submitted
            && job.SubmittedAt is DateTimeOffset at && DateTimeOffset.UtcNow - at < TimeSpan.FromMinutes(2))
        {
            WriteVerbose($"Job {job.JobId} is not visible yet (submitted {at.UtcDateTime:u}); the service shows new jobs after a few seconds.");
            return job;
        }
        if (withTargetStatus && !string.IsNullOrEmpty(job.TargetInstanceId))
        {
            var target = Call((client, token) => client.GetInstanceAsync(job.TargetInstanceId, token));
            job.TargetStatus = target?.Status;
            job.TargetInstanceName ??= target?.Name;
        }
        return job;
    }
}
