using RdsRecovery.Backups;
using RdsRecovery.Restore;

namespace RdsRecovery.PowerShell.Waiting;

/// <summary>
/// The cmdlet side of waiting for a manual backup (New-RdsBackup -Wait, and the safety backup of -BackupTargetFirst):
/// a progress bar with the backup's status and the time waited (the service gives no percentage, none is invented),
/// completed at the end.
/// </summary>
internal sealed class SafetyBackupWaiting
{
    /// <summary>How long a backup (and the target's return to ACTIVE) is waited for by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);
    private const int ActivityId = 0x5D4;

    private readonly RdsServiceCmdlet _cmdlet;
    private readonly TimeSpan _pollInterval;

    public SafetyBackupWaiting(RdsServiceCmdlet cmdlet, TimeSpan pollInterval)
    {
        _cmdlet = cmdlet;
        _pollInterval = pollInterval;
    }

    /// <summary>The safety backup of the target, COMPLETED with the target ACTIVE; null after writing why no restore will be sent.</summary>
    public RdsBackup? Take(RestoreRequest request, ManualBackupRequest backup, string attemptId, TimeSpan timeout)
    {
        var activity = $"Safety backup '{backup.Name}' of {request.TargetInstanceId} before the restore";
        try
        {
            var taken = _cmdlet.CallWaiter((client, token) =>
                new SafetyBackupStep(client, _cmdlet.Journal(), new ManualBackupWaiter(client, _pollInterval))
                    .TakeAsync(request, backup, attemptId, timeout, line => _cmdlet.PostCallback(() => Show(activity, line)), token));
            _cmdlet.WriteVerbose($"Safety backup {taken.Id} ('{taken.Name}') of {request.TargetInstanceId} is COMPLETED; sending the restore.");
            return taken;
        }
        catch (RdsValidationException ex)
        {
            foreach (var error in ex.Errors) _cmdlet.WriteError(ErrorRecords.From(error));
            return null;
        }
        finally
        {
            Complete(activity);
        }
    }

    /// <summary>Follows a backup New-RdsBackup made; writes it in its last state, and an error unless it COMPLETED.</summary>
    public void FollowAndWrite(RdsBackup backup, TimeSpan timeout)
    {
        var activity = $"Backup '{backup.Name}' ({backup.Id}) of {backup.InstanceId}";
        (ManualBackupOutcome Outcome, RdsBackup Backup) result;
        try
        {
            result = _cmdlet.CallWaiter((client, token) => new ManualBackupWaiter(client, _pollInterval).WaitAsync(backup, timeout,
                (seen, waited) => _cmdlet.PostCallback(() => Show(activity, $"{seen.Status}, {waited.TotalSeconds:0} s")), token));
        }
        finally
        {
            Complete(activity);
        }
        _cmdlet.WriteObject(result.Backup);
        var last = result.Backup;
        var error = result.Outcome switch
        {
            ManualBackupOutcome.Failed => new RdsError(RdsErrorIds.BackupFailed,
                $"The manual backup '{last.Name}' ({last.Id}) of {last.InstanceId} ended {last.Status}.", last),
            ManualBackupOutcome.Vanished => new RdsError(RdsErrorIds.BackupFailed,
                $"The manual backup '{last.Name}' ({last.Id}) of {last.InstanceId} does not show in its backup list.", last),
            ManualBackupOutcome.TimedOut => new RdsError(RdsErrorIds.BackupWaitTimeout,
                $"The manual backup '{last.Name}' ({last.Id}) of {last.InstanceId} was still {last.Status} after -Timeout {timeout}; the service goes on with it. " +
                $"Follow it with Get-RdsBackup -InstanceId {last.InstanceId} -BackupId {last.Id}.", last),
            _ => null,
        };
        if (error is not null) _cmdlet.WriteError(ErrorRecords.From(error));
    }

    private void Show(string activity, string status) => _cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, status));

    private void Complete(string activity) =>
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, "done") { RecordType = ProgressRecordType.Completed });
}
