using RdsRecovery.Backups;
using RdsRecovery.Journal;
using RdsRecovery.PowerShell.Waiting;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>How one restore is sent: the choices of the cmdlet that sends it.</summary>
internal sealed class RestoreSendSettings
{
    public bool SkipCompatibilityCheck { get; init; }
    public bool Force { get; init; }
    /// <summary>Take a manual backup of the target first (-BackupTargetFirst), so the restore can be undone.</summary>
    public bool BackupTargetFirst { get; init; }
    public TimeSpan BackupTimeout { get; init; } = SafetyBackupWaiting.DefaultTimeout;
    public TimeSpan PollInterval { get; init; } = RestoreJobWaiting.DefaultPollInterval;
    /// <summary>Undo-RdsRestore: the job being undone, named in the confirmation.</summary>
    public string? Undoing { get; init; }
}

/// <summary>
/// The one road every instance restore takes, shared by Restore-RdsInstance and Undo-RdsRestore: facts and the
/// compatibility rules (unless skipped), the confirmation with the exact body, an optional safety backup of the target,
/// then one journalled submission. A part the cmdlet holds rather than a base class, because the two cmdlets' bases
/// differ (Restore-RdsInstance shares its request parameters with Test-RdsRestoreCompatibility, Undo-RdsRestore its
/// -Force and -Wait with the partial restores); each passes its choices as <see cref="RestoreSendSettings"/>.
/// </summary>
internal sealed partial class RestoreSending
{
    private readonly RdsServiceCmdlet _cmdlet;

    public RestoreSending(RdsServiceCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>
    /// Sends <paramref name="request"/> after the rules and the confirmation; the job, or null after writing why nothing
    /// (or, with a safety backup that failed, no restore) was sent.
    /// </summary>
    public RdsRestoreJob? Send(RestoreRequest request, RestoreSendSettings settings)
    {
        RestoreFacts? facts = null;
        if (settings.SkipCompatibilityCheck)
        {
            _cmdlet.WriteVerbose("Compatibility rules skipped (-SkipCompatibilityCheck); the input was validated.");
        }
        else
        {
            facts = GatherFacts(request);
            if (facts is null) return null;
        }
        var version = ApiVersionInForce();
        if (settings.BackupTargetFirst && !UndoIsPossible(request, facts, version)) return null;
        if (facts is not null && !RulesPass(request, facts)) return null;

        // A restore that cannot be sent is not worth a prompt: without a connection, stop here (-WhatIf needs none).
        if (!IsWhatIf()) _cmdlet.ResolveConnection();
        var profile = facts is null ? (RdsRuleProfile?)null : facts.Profile.Name;
        var engine = SourceEngine(request, version, facts);
        var safety = settings.BackupTargetFirst ? SafetyBackupStep.RequestFor(request, DateTimeOffset.UtcNow) : null;
        if (!Confirm(request, facts, version, engine, profile, safety, settings)) return null;

        var attemptId = RestoreSubmitter.NewAttemptId();
        RdsBackup? taken = null;
        if (safety is not null)
        {
            taken = new SafetyBackupWaiting(_cmdlet, settings.PollInterval).Take(request, safety, attemptId, settings.BackupTimeout);
            if (taken is null) return null;
        }
        return SubmitRestore(request, facts, engine, profile, attemptId, taken?.Id);
    }

    /// <summary>
    /// The facts of a request, looked up with reads only (so also under -WhatIf): both instances, the backup or the
    /// restorable windows, SQL Server database names, and restores of the target still running; the rules of
    /// <paramref name="profile"/>, else of the connection's API version. Null after writing
    /// why the request cannot go on (an instance or the backup does not exist).
    /// </summary>
    public RestoreFacts? LookUpFacts(RestoreRequest request, RestoreRuleProfile? profile = null)
    {
        try
        {
            var facts = _cmdlet.Call((client, token) => new RestoreFactsGatherer(client, _cmdlet.Journal(), profile: profile).GatherAsync(request, token));
            // The busy-target check's other half: restores into this target whose outcome the journal cannot tell.
            foreach (var unresolved in facts.UnresolvedRestores ?? Array.Empty<RestoreAttempt>()) _cmdlet.WriteWarning(unresolved.Describe());
            return facts;
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) _cmdlet.WriteRdsError(error);
            return null;
        }
    }

    /// <summary>Rules that apply but could not be decided are worth a warning before anything is confirmed.</summary>
    internal static void WriteUnverified(Cmdlet cmdlet, CompatibilityReport report)
    {
        foreach (var rule in report.NotCheckedRules.Where(r => r.NeedsAttention)) cmdlet.WriteWarning($"{rule.RuleId} not checked: {rule.Message}");
    }

    /// <summary>
    /// What every restore cmdlet writes of the rules' verdict: each rule on the verbose stream, then RestoreIncompatible
    /// (false) or the warnings of rules that could not be decided (true).
    /// </summary>
    internal static bool WriteVerdict(RdsServiceCmdlet cmdlet, CompatibilityReport report)
    {
        foreach (var rule in report.Rules) cmdlet.WriteVerbose($"{rule.RuleId}: {rule.Outcome}: {rule.Message}");
        if (report.RefusalMessage() is { } refusal)
        {
            cmdlet.WriteRdsError(new RdsError(RdsErrorIds.RestoreIncompatible, refusal, report));
            return false;
        }
        WriteUnverified(cmdlet, report);
        return true;
    }

    private bool RulesPass(RestoreRequest request, RestoreFacts facts) => WriteVerdict(_cmdlet, CompatibilityRules.Evaluate(request, facts));

    /// <summary>
    /// -BackupTargetFirst is refused up front where its backup could never be restored: the undo restores the target's
    /// backup into the target itself, which the rule profile in force allows for some engines only (SourceAsTargetAllowed).
    /// </summary>
    private bool UndoIsPossible(RestoreRequest request, RestoreFacts? facts, RdsRestoreApiVersion version)
    {
        var profile = facts?.Profile ?? RestoreRuleProfiles.ForApiVersion(version);
        var target = facts?.Target;
        if (target is null && (_cmdlet.Connection ?? RdsSession.DefaultConnection) is not null)
            target = _cmdlet.Call((client, token) => client.GetInstanceAsync(request.TargetInstanceId, token));
        if (target is null || string.IsNullOrWhiteSpace(target.Engine))
        {
            _cmdlet.WriteVerbose($"-BackupTargetFirst: the target's engine is not known here, so whether its backup can be restored into it is not checked.");
            return true;
        }
        var engine = RdsEngines.Parse(target.Engine);
        if (profile.SourceAsTargetEngines.Contains(engine)) return true;
        _cmdlet.WriteRdsError(new RdsError(RdsErrorIds.SafetyBackupNotPossible,
            $"-BackupTargetFirst cannot make the restore {request} undoable: the target runs {RdsEngines.DisplayName(engine)}, and under rule profile {profile.Label} " +
            $"only {string.Join(" and ", profile.SourceAsTargetEngines.Select(RdsEngines.DisplayName))} may be restored into the instance itself, which an undo does. " +
            "Nothing was sent (no backup, no restore). Take a backup with New-RdsBackup and plan the way back yourself, or restore without -BackupTargetFirst.",
            request, "BackupTargetFirst"));
        return false;
    }
}
