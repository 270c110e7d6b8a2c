using RdsRecovery.Journal;
using RdsRecovery.Rules;

namespace RdsRecovery.Restore;

/// <summary>
/// Sends one restore and records it in the local journal: a Sending line before the POST, then Submitted (with
/// the job id), OutcomeUnknown or Refused. The POST itself is never repeated here; the client alone decides
/// the rare safe retry (<see cref="Api.RdsRetryDecisions"/>: a 429, or a connection refused before sending). A restore
/// whose Sending line cannot be written is not sent (RestoreJournalException).
/// </summary>
public sealed class RestoreSubmitter
{
    private readonly RdsClient _client;
    private readonly RestoreJournal? _journal;
    private readonly Action<string> _warn;

    public RestoreSubmitter(RdsClient client, RestoreJournal? journal, Action<string>? warn = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _journal = journal;
        _warn = warn ?? (_ => { });
    }

    /// <summary>
    /// Sends <paramref name="request"/> to the client's API version. <paramref name="sourceEngine"/> decides whether a
    /// v3.1 body carries restore_all_database; when it is not given and matters, the source is looked up first (a read).
    /// <paramref name="ruleProfile"/> is the profile the restore was checked under (null: the rules were skipped), for the journal and the job.
    /// <paramref name="attemptId"/> continues the journal lines of a safety backup taken first (<paramref name="safetyBackupId"/>).
    /// </summary>
    public async Task<RdsRestoreJob> SubmitAsync(RestoreRequest request, CancellationToken cancellationToken,
        string? sourceEngine = null, RdsRuleProfile? ruleProfile = null, string? attemptId = null, string? safetyBackupId = null)
    {
        var version = _client.RestoreApiVersion;
        if (RestoreWire.SendsRestoreAllDatabases(request, version, sourceEngine) is null)
            sourceEngine = await SourceEngineAsync(request, cancellationToken).ConfigureAwait(false);
        var body = RestoreWire.Body(request, version, sourceEngine);
        var pending = new PendingRestore(request.SourceInstanceId, request.TargetInstanceId, request.BackupId, request.RestoreTime, body,
            RdsApiVersions.Name(version), ruleProfile?.ToString(), RestoreKind.Instance, null, request.ToString())
        {
            AttemptId = attemptId, SafetyBackupId = safetyBackupId,
        };
        return await SendAsync(pending, token => _client.SubmitRestoreAsync(body, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a database or table restore (one instance, one request) through the same journal and retry table.
    /// <paramref name="ruleProfile"/> is the profile its rules were reported under (null: the rules were skipped).
    /// </summary>
    public Task<RdsRestoreJob> SubmitAsync(PartialRestoreRequest request, CancellationToken cancellationToken, RdsRuleProfile? ruleProfile = null)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var bytes = request.ToJsonBytes();
        var version = request.PathTemplate.StartsWith("/v3.1/", StringComparison.Ordinal) ? RdsApiVersions.V31 : RdsApiVersions.V3;
        var pending = new PendingRestore(request.InstanceId, request.InstanceId, null, request.RestoreTime, request.ToJson(), version,
            ruleProfile?.ToString(), request.Kind, string.Join(", ", request.Renames), request.ToString());
        return SendAsync(pending, token => _client.SubmitPartialRestoreAsync(request, bytes, token), cancellationToken);
    }

    /// <summary>What one restore is, for its journal lines and its job, whatever its kind.</summary>
    private sealed record PendingRestore(string SourceInstanceId, string TargetInstanceId, string? BackupId, DateTimeOffset? RestoreTime, string Body,
        string ApiVersion, string? RuleProfile, RestoreKind Kind, string? Objects, string Description)
    {
        /// <summary>The attempt id of a safety backup step taken first; null starts a new attempt.</summary>
        public string? AttemptId { get; init; }
        /// <summary>The safety backup taken of the target first (-BackupTargetFirst), carried by every line and the job.</summary>
        public string? SafetyBackupId { get; init; }
    }

    private async Task<RdsRestoreJob> SendAsync(PendingRestore pending, Func<CancellationToken, Task<RdsRestoreSubmission>> post, CancellationToken cancellationToken)
    {
        var attempt = pending.AttemptId ?? NewAttemptId();
        // Policy: no restore is sent that cannot be journalled. A journal that cannot take the Sending line throws
        // RestoreJournalException here, before the POST.
        _journal?.Append(Line(pending, attempt, RestoreJournalPhase.Sending, null, null, null));
        RdsRestoreSubmission submission;
        try
        {
            submission = await post(cancellationToken).ConfigureAwait(false);
        }
        catch (RestoreOutcomeUnknownException ex)
        {
            Record(pending, attempt, RestoreJournalPhase.OutcomeUnknown, null, ex.RequestId, ex.Message);
            throw;
        }
        catch (RdsServiceException ex)
        {
            Record(pending, attempt, RestoreJournalPhase.Refused, null, ex.RequestId, $"{ex.HttpStatus} {ex.ErrorCode}");
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (Ctrl+C) while the POST was in flight: the service may have accepted it. Without this line the
            // journal would end at Sending, and Get-RdsRestoreJob -Recent would not say a restore may be running.
            Record(pending, attempt, RestoreJournalPhase.OutcomeUnknown, null, null, "stopped before the service answered");
            throw;
        }
        var job = submission.ToRestoreJob(pending.SourceInstanceId, pending.TargetInstanceId, pending.BackupId, pending.RestoreTime);
        job.RuleProfile = pending.RuleProfile;
        job.Kind = pending.Kind;
        job.RestoredObjects = pending.Objects;
        job.SafetyBackupId = pending.SafetyBackupId;
        Record(pending, attempt, RestoreJournalPhase.Submitted, job.JobId, submission.RequestId);
        return job;
    }

    private async Task<string> SourceEngineAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var source = await _client.GetInstanceAsync(request.SourceInstanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new RdsValidationException(new RdsError(RdsErrorIds.InstanceNotFound,
                $"The source instance {request.SourceInstanceId} does not exist in this project and region. Nothing was sent. List instances with Get-RdsInstance.",
                request.SourceInstanceId, "SourceInstanceId"));
        return source.Engine;
    }

    /// <summary>Records how a sent restore ended. It cannot be unsent, so a journal that fails now is a warning naming the job.</summary>
    private void Record(PendingRestore pending, string attempt, RestoreJournalPhase phase, string? jobId, string? requestId = null, string? detail = null)
    {
        if (_journal is null) return;
        try
        {
            _journal.Append(Line(pending, attempt, phase, jobId, requestId, detail));
        }
        catch (RestoreJournalException ex)
        {
            _warn($"{ex.Message} The restore {pending.Description} was sent; its outcome '{phase}'{(jobId is null ? "" : $" (job {jobId})")} is not recorded there, "
                + "and Get-RdsRestoreJob -Recent will report it as unresolved.");
        }
    }

    private RestoreJournalEntry Line(PendingRestore pending, string attempt, RestoreJournalPhase phase, string? jobId, string? requestId, string? detail) => new()
    {
        Time = DateTimeOffset.UtcNow,
        Phase = phase,
        AttemptId = attempt,
        User = Environment.UserName,
        Machine = Environment.MachineName,
        ProcessId = CurrentProcessId(),
        Endpoint = _client.Connection.Endpoint.ToString(),
        ProjectId = _client.Connection.ProjectId,
        SourceInstanceId = pending.SourceInstanceId,
        TargetInstanceId = pending.TargetInstanceId,
        BackupId = pending.BackupId,
        RestoreTime = pending.RestoreTime,
        Body = pending.Body,
        ApiVersion = pending.ApiVersion,
        RuleProfile = pending.RuleProfile,
        Kind = pending.Kind == RestoreKind.Instance ? null : pending.Kind.ToString(),
        RestoredObjects = pending.Objects,
        SafetyBackupId = pending.SafetyBackupId,
        JobId = jobId,
        RequestId = requestId,
        Detail = detail,
    };

    private static int CurrentProcessId()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.Id;
    }

    /// <summary>A new attempt id: what ties the journal lines of one restore (and its safety backup) together.</summary>
    public static string NewAttemptId() => Guid.NewGuid().ToString("N");
}
