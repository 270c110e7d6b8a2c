using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RdsRecovery.Api;
using RdsRecovery.Errors;
using RdsRecovery.Journal;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Binding;
using RdsRecovery.PowerShell.Cmdlets;
using RdsRecovery.PowerShell.Background;
using RdsRecovery.PowerShell.Completion;
using RdsRecovery.PowerShell.Session;
using RdsRecovery.PowerShell.Waiting;
using RdsRecovery.Restore;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.PowerShell.Commands;

/// <summary>
/// Restores a backup or a point in time of an instance into an existing (or the same) instance: builds and validates
/// the request, checks the compatibility rules unless -SkipCompatibilityCheck, asks for confirmation (naming target,
/// source and backup or UTC time), then submits it. -WhatIf shows the exact JSON body and sends nothing.
/// </summary>
[Cmdlet(VerbsData.Restore, "RdsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RdsRestoreJob))]
[OutputType(typeof(RdsBackgroundJob))]
public sealed class RestoreRdsInstanceCommand : RestoreRequestCmdlet
{
    public const string ByIdSet = IdSet;

    /// <summary>Skip the compatibility rules (not the input validation), for the rare case the service knows better.</summary>
    [Parameter]
    public SwitchParameter SkipCompatibilityCheck { get; set; }

    /// <summary>Do not ask for confirmation (unless -Confirm is given). Never overrides -WhatIf.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>After submitting, wait for every restore of this pipeline to finish (as Wait-RdsRestoreJob).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: how long to wait in all (default: 1 hour). The restores go on after it.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = RestoreJobWaiting.DefaultTimeout;

    /// <summary>With -Wait: the first interval between polls of a job (default: 10 seconds).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan PollInterval { get; set; } = RestoreJobWaiting.DefaultPollInterval;

    /// <summary>
    /// Run as a PowerShell job (Receive-Job gives the RdsRestoreJob objects; Stop-Job stops a -Wait, never a restore
    /// already sent). A job cannot ask for confirmation: give -Force or -Confirm:$false.
    /// </summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    private readonly List<RdsRestoreJob> _submitted = new();
    private RestoreJobWaiting? _waiting;
    private BackgroundStart? _background;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // A job checks what it can before it starts: a setting it would refuse later is refused here.
        if (AsJob && RestoreJobWaiting.CheckSettings(Timeout, PollInterval) is RdsError invalid) ThrowRdsError(invalid);
        _background = BackgroundStart.Begin(this, AsJob, ResolveConnection, Force);
    }

    protected override void ProcessInput()
    {
        if (_background is not null)
        {
            _background.Add(InputObject);
            return;
        }
        if (RestoreJobWaiting.CheckSettings(Timeout, PollInterval) is RdsError invalid) ThrowRdsError(invalid);
        var request = BuildRequest(SourceInstanceId, TargetInstanceId);
        if (request is null) return;

        RestoreFacts? facts = null;
        if (SkipCompatibilityCheck)
        {
            WriteVerbose("Compatibility rules skipped (-SkipCompatibilityCheck); the input was validated.");
        }
        else
        {
            facts = GatherFacts(request);
            if (facts is null) return;
            var report = CompatibilityRules.Evaluate(request, facts);
            foreach (var rule in report.Rules) WriteVerbose($"{rule.RuleId}: {rule.Outcome}: {rule.Message}");
            if (report.RefusalMessage() is { } refusal)
            {
                WriteRdsError(new RdsError(RdsErrorIds.RestoreIncompatible, refusal, report));
                return;
            }
            WriteUnverified(this, report);
        }

        // A restore that cannot be sent is not worth a prompt: without a connection, stop here (-WhatIf needs none).
        if (!IsWhatIf()) ResolveConnection();
        var version = ApiVersionInForce();
        var profile = facts is null ? (RdsRuleProfile?)null : facts.Profile.Name;
        var engine = SourceEngine(request, version, facts);
        if (!Confirm(request, facts, version, engine, profile)) return;
        var job = SubmitRestore(request, facts, engine, profile);
        if (job is null) return;
        // With -Wait the job is written once, in its final state, after the wait; the local journal already
        // holds it, so a crash while waiting loses nothing (Get-RdsRestoreJob -Recent finds it).
        if (Wait) _submitted.Add(job);
        else WriteObject(job);
    }

    /// <summary>Rules that apply but could not be decided are worth a warning before anything is confirmed.</summary>
    internal static void WriteUnverified(Cmdlet cmdlet, CompatibilityReport report)
    {
        foreach (var rule in report.NotCheckedRules.Where(r => r.NeedsAttention)) cmdlet.WriteWarning($"{rule.RuleId} not checked: {rule.Message}");
    }

    protected override void EndInput()
    {
        _background?.Start();
        if (_submitted.Count == 0) return;
        _waiting = new RestoreJobWaiting(this, Timeout, PollInterval);
        _waiting.WaitAndWrite(_submitted);
    }

    protected override void StopProcessing()
    {
        _waiting?.AnnounceStop();
        base.StopProcessing();
    }

    /// <summary>The facts the rules are evaluated on; offline (-WhatIf with no connection) there are none.</summary>
    private RestoreFacts? GatherFacts(RestoreRequest request)
    {
        if (Connection is null && RdsSession.DefaultConnection is null && IsWhatIf())
        {
            WriteVerbose("Not connected: the compatibility rules are not checked (every rule reports NotChecked). Connect-RdsAccount to check them.");
            var version = ApiVersionInForce();
            return new RestoreFacts { Clock = SystemClock.Instance, Profile = RestoreRuleProfiles.ForApiVersion(version), ApiVersion = version };
        }
        return LookUpFacts(request);
    }

    /// <summary>The connection's API version; not connected (-WhatIf): RDSRECOVERY_API_VERSION, else v3.</summary>
    private RdsRestoreApiVersion ApiVersionInForce()
    {
        var connection = Connection ?? RdsSession.DefaultConnection;
        if (connection is not null) return connection.RestoreApiVersion;
        try { return RdsApiVersions.Resolve(null); }
        catch (RdsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, null));
            throw;
        }
    }

    /// <summary>
    /// The source's engine when the body depends on it (v3.1 without a map): from the facts, else looked up (a read,
    /// so also under -WhatIf). Null when not needed or not knowable (not connected, or no such source).
    /// </summary>
    private string? SourceEngine(RestoreRequest request, RdsRestoreApiVersion version, RestoreFacts? facts)
    {
        var engine = facts?.Source?.Engine;
        if (RestoreWire.SendsRestoreAllDatabases(request, version, engine) is not null) return engine;
        if (Connection is null && RdsSession.DefaultConnection is null) return null;
        return Call((client, token) => client.GetInstanceAsync(request.SourceInstanceId, token))?.Engine;
    }

    /// <summary>ShouldProcess with the exact body. -Force skips the prompt unless -Confirm was given; -WhatIf always wins.</summary>
    private bool Confirm(RestoreRequest request, RestoreFacts? facts, RdsRestoreApiVersion version, string? engine, RdsRuleProfile? profile)
    {
        var body = RestoreWire.Body(request, version, engine);
        var rules = profile is { } p ? $"rule profile {p}" : "compatibility rules skipped";
        var unknownEngine = RestoreWire.SendsRestoreAllDatabases(request, version, engine) is null
            ? " (the source's engine is not known: a SQL Server source would also get \"restore_all_database\":true)"
            : "";
        var words = RestoreConfirmation.For(request, facts ?? KnownInstanceFacts(request), body,
            $"API {RdsApiVersions.Name(version)}, {rules}. Body of {RdsApiVersions.RestorePath(version)}: {body}{unknownEngine}");
        return ConfirmationPrompt.Ask(this, Force, words.Description, words.Query, words.Caption, request, request.ToString());
    }

    /// <summary>Without looked-up facts (-SkipCompatibilityCheck), the names the instance list gave, if it was read.</summary>
    private RestoreFacts? KnownInstanceFacts(RestoreRequest request)
    {
        var known = KnownInstances;
        if (known is null) return null;
        return new RestoreFacts
        {
            Source = known.FirstOrDefault(i => i.Id == request.SourceInstanceId),
            Target = known.FirstOrDefault(i => i.Id == request.TargetInstanceId),
        };
    }

    private bool IsWhatIf() => ConfirmationPrompt.IsWhatIf(this);

    // ---------------------------------------------------------------------------------------------------------
    // SUBMIT: the one step that changes anything. It runs only after validation, the rules and confirmation.
    // The POST is sent once; the job is recorded in the local journal and written to the pipeline at once.
    // ---------------------------------------------------------------------------------------------------------
    private RdsRestoreJob? SubmitRestore(RestoreRequest request, RestoreFacts? facts, string? engine, RdsRuleProfile? profile)
    {
        ResolveConnection();
        RdsRestoreJob job;
        try
        {
            job = Call((client, token) => new RestoreSubmitter(client, Journal(), message => PostCallback(() => WriteWarning(message)))
                .SubmitAsync(request, token, engine, profile));
        }
        catch (RdsValidationException ex)
        {
            // Only when the source had to be looked up for the v3.1 body and does not exist: nothing was sent.
            foreach (var error in ex.Errors) WriteRdsError(error);
            return null;
        }
        job.TargetInstanceName = facts?.Target?.Name;
        // The facts were read before the POST: the status then (ACTIVE) is no longer true once the service accepted
        // the restore, so it is left unknown until the job or the target is read again.
        job.TargetStatus = null;
        RdsSession.RememberJob(job.JobId);
        WriteVerbose($"Submitted: job {job.JobId} (request id {job.RequestId}). Follow it with Get-RdsRestoreJob -JobId {job.JobId} | Wait-RdsRestoreJob.");
        return job;
    }
}
