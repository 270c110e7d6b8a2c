using RdsRecovery.Backups;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Cmdlets;

internal sealed partial class RestoreSending
{
    /// <summary>The facts the rules are evaluated on; offline (-WhatIf with no connection) there are none.</summary>
    private RestoreFacts? GatherFacts(RestoreRequest request)
    {
        if (_cmdlet.Connection is null && RdsSession.DefaultConnection is null && IsWhatIf())
        {
            _cmdlet.WriteVerbose("Not connected: the compatibility rules are not checked (every rule reports NotChecked). Connect-RdsAccount to check them.");
            var version = ApiVersionInForce();
            return new RestoreFacts { Clock = SystemClock.Instance, Profile = RestoreRuleProfiles.ForApiVersion(version), ApiVersion = version };
        }
        return LookUpFacts(request);
    }

    /// <summary>The connection's API version; not connected (-WhatIf): RDSRECOVERY_API_VERSION, else v3.</summary>
    private RdsRestoreApiVersion ApiVersionInForce()
    {
        var connection = _cmdlet.Connection ?? RdsSession.DefaultConnection;
        if (connection is not null) return connection.RestoreApiVersion;
        try { return RdsApiVersions.Resolve(null); }
        catch (RdsException ex)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, null));
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
        if (_cmdlet.Connection is null && RdsSession.DefaultConnection is null) return null;
        return _cmdlet.Call((client, token) => client.GetInstanceAsync(request.SourceInstanceId, token))?.Engine;
    }

    /// <summary>ShouldProcess with the exact body (and the safety backup's). -Force skips the prompt unless -Confirm was given; -WhatIf always wins.</summary>
    private bool Confirm(RestoreRequest request, RestoreFacts? facts, RdsRestoreApiVersion version, string? engine, RdsRuleProfile? profile,
        ManualBackupRequest? safety, RestoreSendSettings settings)
    {
        var body = RestoreWire.Body(request, version, engine);
        var rules = profile is { } p ? $"rule profile {p}" : "compatibility rules skipped";
        var unknownEngine = RestoreWire.SendsRestoreAllDatabases(request, version, engine) is null
            ? " (the source's engine is not known: a SQL Server source would also get \"restore_all_database\":true)"
            : "";
        var backupStep = safety is null ? null
            : $"a manual backup '{safety.Name}' of the target is taken (kept, and billed, until removed) and waited for (-BackupTimeout {settings.BackupTimeout}). " +
              $"Body of {ManualBackupRequest.Endpoint}: {safety.ToJson()}";
        var words = RestoreConfirmation.For(request, facts ?? KnownInstanceFacts(request), body,
            $"API {RdsApiVersions.Name(version)}, {rules}. Body of {RdsApiVersions.RestorePath(version)}: {body}{unknownEngine}", backupStep, settings.Undoing);
        return ConfirmationPrompt.Ask(_cmdlet, settings.Force, words.Description, words.Query, words.Caption, request, request.ToString());
    }

    /// <summary>Without looked-up facts (-SkipCompatibilityCheck), the names the instance list gave, if it was read.</summary>
    private RestoreFacts? KnownInstanceFacts(RestoreRequest request)
    {
        var known = _cmdlet.KnownInstances;
        if (known is null) return null;
        return new RestoreFacts
        {
            Source = known.FirstOrDefault(i => i.Id == request.SourceInstanceId),
            Target = known.FirstOrDefault(i => i.Id == request.TargetInstanceId),
        };
    }

    /// <summary>True under -WhatIf or $WhatIfPreference.</summary>
    private bool IsWhatIf() => ConfirmationPrompt.IsWhatIf(_cmdlet);

    // ---------------------------------------------------------------------------------------------------------
    // SUBMIT: the one step that changes anything. It runs only after validation, the rules and confirmation (and
    // the safety backup, when asked for). The POST is sent once; the job is recorded in the local journal.
    // ---------------------------------------------------------------------------------------------------------
    private RdsRestoreJob? SubmitRestore(RestoreRequest request, RestoreFacts? facts, string? engine, RdsRuleProfile? profile,
        string attemptId, string? safetyBackupId)
    {
        RdsRestoreJob job;
        try
        {
            job = _cmdlet.Call((client, token) => new RestoreSubmitter(client, _cmdlet.Journal(), message => _cmdlet.PostCallback(() => _cmdlet.WriteWarning(message)))
                .SubmitAsync(request, token, engine, profile, attemptId, safetyBackupId));
        }
        catch (RdsValidationException ex)
        {
            // Only when the source had to be looked up for the v3.1 body and does not exist: nothing was sent.
            foreach (var error in ex.Errors) _cmdlet.WriteRdsError(error);
            return null;
        }
        job.TargetInstanceName = facts?.Target?.Name;
        // The facts were read before the POST: the status then (ACTIVE) is no longer true once the service accepted
        // the restore, so it is left unknown until the job or the target is read again.
        job.TargetStatus = null;
        RdsSession.RememberJob(job.JobId);
        var undo = safetyBackupId is null ? "" : $" Safety backup {safetyBackupId}: undo with Undo-RdsRestore -JobId {job.JobId}.";
        _cmdlet.WriteVerbose($"Submitted: job {job.JobId} (request id {job.RequestId}). Follow it with Get-RdsRestoreJob -JobId {job.JobId} | Wait-RdsRestoreJob.{undo}");
        return job;
    }
}
