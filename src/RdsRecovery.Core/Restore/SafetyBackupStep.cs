using RdsRecovery.Backups;
using RdsRecovery.Journal;

namespace RdsRecovery.Restore;

/// <summary>
/// Restore-RdsInstance -BackupTargetFirst: before the restore is sent, a manual backup of the target is taken,
/// followed to COMPLETED, and the target waited for until ACTIVE again. Every step is journalled under the restore's
/// attempt id, so a crash between backup and restore is explained by Get-RdsRestoreJob -Recent. A refusal, a lost answer,
/// a failed or vanished backup or a timeout at any step throws an <see cref="RdsValidationException"/> saying that nothing
/// was restored (and naming the backup when one was made); a stop is journalled and passed on as it came; a journal that
/// cannot be written stops it too. The restore is then never sent.
/// </summary>
public sealed class SafetyBackupStep
{
    private readonly RdsClient _client;
    private readonly RestoreJournal? _journal;
    private readonly ManualBackupWaiter _waiter;

    public SafetyBackupStep(RdsClient client, RestoreJournal? journal, ManualBackupWaiter waiter)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _journal = journal;
        _waiter = waiter ?? throw new ArgumentNullException(nameof(waiter));
    }

    /// <summary>The safety backup of <paramref name="request"/>'s target, named with the UTC time <paramref name="utcNow"/>.</summary>
    public static ManualBackupRequest RequestFor(RestoreRequest request, DateTimeOffset utcNow)
    {
        var description = $"RdsRecovery safety backup of {request.TargetInstanceId} before a restore into it (Undo-RdsRestore restores it)";
        if (!ManualBackupRequest.TryCreate(request.TargetInstanceId, ManualBackupRules.SafetyName(utcNow), description, null, out var backup, out var errors))
            throw new RdsValidationException(errors);
        return backup!;
    }

    /// <summary>
    /// Takes the backup and waits (at most <paramref name="timeout"/> in all) for it to complete and for the target to be
    /// ACTIVE. <paramref name="progress"/> gets a line per reading. Returns the COMPLETED backup.
    /// </summary>
    public async Task<RdsBackup> TakeAsync(RestoreRequest request, ManualBackupRequest backupRequest, string attemptId, TimeSpan timeout,
        Action<string>? progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var body = backupRequest.ToJson();
        Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupSending, null, null);
        RdsBackup backup;
        try
        {
            backup = await _client.CreateManualBackupAsync(backupRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (RdsServiceException ex)
        {
            var unknown = ex.Kind is RdsErrorKind.Timeout or RdsErrorKind.Transport or RdsErrorKind.ServerError or RdsErrorKind.InvalidResponse;
            var what = unknown
                ? $"its answer was lost ({ex.Message}); a backup named '{backupRequest.Name}' may exist: check Get-RdsBackup -InstanceId {request.TargetInstanceId} -Type manual"
                : $"the service refused it ({ex.Message})";
            throw Failed(request, body, attemptId, null, RdsErrorIds.SafetyBackupFailed, $"The safety backup of the target was not taken: {what}.", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupFailed, null, $"stopped while requesting backup '{backupRequest.Name}'; it may exist");
            throw;
        }
        Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupStarted, backup.Id, $"backup '{backup.Name}' is {backup.Status}");
        progress?.Invoke($"Safety backup '{backup.Name}' ({backup.Id}) of {request.TargetInstanceId}: {backup.Status}");

        var followed = await FollowAsync(request, body, attemptId, backup.Id, () => _waiter.WaitAsync(backup, timeout,
                (seen, waited) => progress?.Invoke($"Safety backup '{seen.Name}' ({seen.Id}) of {request.TargetInstanceId}: {seen.Status}, {waited.TotalSeconds:0} s"),
                cancellationToken),
            "waiting for the backup; the service goes on with it",
            ex => $"The safety backup {backup.Id} of the target could not be followed ({ex.Message}); whether it completed is not known.", cancellationToken).ConfigureAwait(false);
        switch (followed.Outcome)
        {
            case ManualBackupOutcome.Failed:
                throw Failed(request, body, attemptId, backup.Id, RdsErrorIds.SafetyBackupFailed,
                    $"The safety backup {backup.Id} of the target ended {followed.Backup.Status}.");
            case ManualBackupOutcome.Vanished:
                throw Failed(request, body, attemptId, backup.Id, RdsErrorIds.SafetyBackupFailed,
                    $"The safety backup {backup.Id} of the target does not show in its backup list.");
            case ManualBackupOutcome.TimedOut:
                throw Failed(request, body, attemptId, backup.Id, RdsErrorIds.SafetyBackupTimedOut,
                    $"The safety backup {backup.Id} of the target was still {followed.Backup.Status} after -BackupTimeout {timeout}; the service goes on with it.");
        }

        var left = timeout - (DateTimeOffset.UtcNow - started);
        var active = left > TimeSpan.Zero && await FollowAsync(request, body, attemptId, backup.Id, () => _waiter.WaitForActiveAsync(request.TargetInstanceId, left,
                (status, waited) => progress?.Invoke($"Target {request.TargetInstanceId} after its safety backup: {status ?? "not found"}, {waited.TotalSeconds:0} s"),
                cancellationToken),
            "waiting for the target to be ACTIVE after its COMPLETED backup",
            ex => $"The safety backup {backup.Id} COMPLETED, but the target could not be followed until ACTIVE again ({ex.Message}).", cancellationToken).ConfigureAwait(false);
        if (!active)
            throw Failed(request, body, attemptId, backup.Id, RdsErrorIds.SafetyBackupTimedOut,
                $"The safety backup {backup.Id} COMPLETED, but the target was not ACTIVE again within -BackupTimeout {timeout}.");
        Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupTaken, backup.Id, $"backup '{followed.Backup.Name}' COMPLETED; target ACTIVE");
        return followed.Backup;
    }

    /// <summary>
    /// One wait once the backup exists: a stop is journalled and passed on; a service error (after the client's retries)
    /// fails the step, saying nothing was restored and naming the kept backup.
    /// </summary>
    private async Task<T> FollowAsync<T>(RestoreRequest request, string body, string attemptId, string backupId, Func<Task<T>> wait,
        string stoppedWhile, Func<RdsServiceException, string> failure, CancellationToken cancellationToken)
    {
        try
        {
            return await wait().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupFailed, backupId, "stopped while " + stoppedWhile);
            throw;
        }
        catch (RdsServiceException ex)
        {
            throw Failed(request, body, attemptId, backupId, RdsErrorIds.SafetyBackupFailed, failure(ex), ex);
        }
    }

    private RdsValidationException Failed(RestoreRequest request, string body, string attemptId, string? backupId, string errorId,
        string what, Exception? cause = null)
    {
        Append(request, body, attemptId, RestoreJournalPhase.SafetyBackupFailed, backupId, what);
        var kept = backupId is null ? "" : $" The backup {backupId} is kept, and billed, until removed (Remove-RdsBackup -InstanceId {request.TargetInstanceId} -BackupId {backupId}).";
        return new RdsValidationException(new RdsError(errorId,
            $"{what} NOTHING WAS RESTORED: the restore {request} was not sent.{kept}", request, "BackupTargetFirst", cause));
    }

    /// <summary>A backup step line. Unlike the restore's outcome lines, a journal that fails here stops everything: nothing is restored yet.</summary>
    private void Append(RestoreRequest request, string body, string attemptId, RestoreJournalPhase phase, string? backupId, string? detail)
    {
        if (_journal is null) return;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        _journal.Append(new RestoreJournalEntry
        {
            Time = DateTimeOffset.UtcNow, Phase = phase, AttemptId = attemptId, User = Environment.UserName, Machine = Environment.MachineName,
            ProcessId = process.Id, Endpoint = _client.Connection.Endpoint.ToString(), ProjectId = _client.Connection.ProjectId,
            SourceInstanceId = request.SourceInstanceId, TargetInstanceId = request.TargetInstanceId, BackupId = request.BackupId,
            RestoreTime = request.RestoreTime, Body = body, ApiVersion = RdsApiVersions.Name(_client.RestoreApiVersion),
            SafetyBackupId = backupId, Detail = detail,
        });
    }
}
