using RdsRecovery.Journal;
using RdsRecovery.Rules;

namespace RdsRecovery.Restore;

/// <summary>
/// Looks up, with reads only, everything the compatibility rules need for one request: both instances, the
/// backup or the restorable windows, the SQL Server database names (and, for a point in time, the source's backups
/// with their database lists) when a map is given, and whether a restore
/// this user submitted earlier is still running on the target. Safe under -WhatIf.
/// </summary>
public sealed class RestoreFactsGatherer
{
    private static readonly TimeSpan JournalLookback = TimeSpan.FromDays(2);
    private const int MaxJournalJobsChecked = 5;

    private readonly RdsClient _client;
    private readonly RestoreJournal? _journal;
    private readonly IClock _clock;
    private readonly RestoreRuleProfile _profile;

    /// <summary><paramref name="profile"/> picks the rules; null follows the client's API version (Seed for v3, V31 for v3.1).</summary>
    public RestoreFactsGatherer(RdsClient client, RestoreJournal? journal, IClock? clock = null, RestoreRuleProfile? profile = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _journal = journal;
        _clock = clock ?? SystemClock.Instance;
        _profile = profile ?? RestoreRuleProfiles.ForApiVersion(client.RestoreApiVersion);
    }

    /// <summary>The facts, or an <see cref="RdsValidationException"/> when an instance or the backup does not exist.</summary>
    public async Task<RestoreFacts> GatherAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var sourceTask = _client.GetInstanceAsync(request.SourceInstanceId, cancellationToken);
        var targetTask = request.IsRestoreToSource ? sourceTask : _client.GetInstanceAsync(request.TargetInstanceId, cancellationToken);
        var source = await sourceTask.ConfigureAwait(false);
        var target = await targetTask.ConfigureAwait(false);
        var missing = new List<RdsError>();
        if (source is null) missing.Add(InstanceNotFound(request.SourceInstanceId, "source"));
        if (target is null) missing.Add(InstanceNotFound(request.TargetInstanceId, "target"));
        if (missing.Count > 0) throw new RdsValidationException(missing);

        var backup = request.Mode == RestoreMode.Backup ? await FindBackupAsync(request, cancellationToken).ConfigureAwait(false) : null;
        var windows = request.Mode == RestoreMode.PointInTime
            ? await _client.ListRestoreWindowsAsync(request.SourceInstanceId, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;

        IReadOnlyCollection<string>? sourceNames = null, targetNames = null;
        IReadOnlyList<RdsBackup>? sourceBackups = null;
        if (request.DatabaseMap is not null && RdsEngines.Parse(source!.Engine) == RdsEngine.SqlServer)
        {
            sourceNames = await DatabaseNamesAsync(request.SourceInstanceId, cancellationToken).ConfigureAwait(false);
            targetNames = request.IsRestoreToSource ? sourceNames : await DatabaseNamesAsync(request.TargetInstanceId, cancellationToken).ConfigureAwait(false);
            // What the source held at the restore point: the database lists of its backups (the source's current
            // set is not it; a database dropped since is what a point-in-time restore recovers).
            if (request.Mode == RestoreMode.PointInTime)
                sourceBackups = await _client.ListBackupsAsync(new RdsBackupFilter(request.SourceInstanceId), cancellationToken).ConfigureAwait(false);
        }

        return new RestoreFacts
        {
            Source = source,
            Target = target,
            Backup = backup,
            RestoreWindows = windows,
            SourceDatabaseNames = sourceNames,
            SourceBackups = sourceBackups,
            TargetDatabaseNames = targetNames,
            TargetHasRunningJob = await TargetHasRunningJobAsync(request.TargetInstanceId, cancellationToken).ConfigureAwait(false),
            UnresolvedRestores = UnresolvedRestoresInto(request.TargetInstanceId),
            Clock = _clock,
            Profile = _profile,
            ApiVersion = _client.RestoreApiVersion,
        };
    }

    /// <summary>
    /// The journal's half of the busy check for any restore into <paramref name="targetInstanceId"/> (database and
    /// table restores use it too): whether a restore this user sent is still running, and those whose outcome is unknown.
    /// </summary>
    public async Task<(bool? Running, IReadOnlyList<RestoreAttempt> Unresolved)> TargetJournalStateAsync(string targetInstanceId, CancellationToken cancellationToken) =>
        (await TargetHasRunningJobAsync(targetInstanceId, cancellationToken).ConfigureAwait(false), UnresolvedRestoresInto(targetInstanceId));

    private async Task<RdsBackup> FindBackupAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var backups = await _client.ListBackupsAsync(new RdsBackupFilter(request.SourceInstanceId) { BackupId = request.BackupId }, cancellationToken).ConfigureAwait(false);
        var backup = backups.FirstOrDefault(b => string.Equals(b.Id, request.BackupId, StringComparison.Ordinal));
        if (backup is null)
        {
            throw new RdsValidationException(new RdsError(RdsErrorIds.BackupNotFound,
                $"No backup '{request.BackupId}' of source instance {request.SourceInstanceId} was found: it does not exist or was taken of another instance. " +
                $"List the source's backups with Get-RdsBackup -InstanceId {request.SourceInstanceId}.",
                request.BackupId, "BackupId"));
        }
        return backup;
    }

    private async Task<IReadOnlyCollection<string>> DatabaseNamesAsync(string instanceId, CancellationToken cancellationToken)
    {
        var databases = await _client.ListSqlServerDatabasesAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return databases.Select(d => d.Name).ToList();
    }

    /// <summary>
    /// True when a restore of this target that this user submitted recently (the local journal) is still running:
    /// the guard against a rerun of a runbook that crashed after submitting. The target's RESTORING status is
    /// the service-side half of the same guard.
    /// </summary>
    private async Task<bool?> TargetHasRunningJobAsync(string targetInstanceId, CancellationToken cancellationToken)
    {
        if (_journal is null) return null;
        var since = _clock.UtcNow - JournalLookback;
        var jobIds = JournalLinesInto(targetInstanceId)
            .Where(e => e.Phase == RestoreJournalPhase.Submitted && e.JobId is not null)
            .Select(e => e.JobId!)
            .Distinct()
            .Take(MaxJournalJobsChecked)
            .ToList();
        foreach (var jobId in jobIds)
        {
            try
            {
                var job = await _client.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
                if (job.Status == RdsJobStatus.Running) return true;
            }
            catch (RdsServiceException ex) when (ex.IsJobNotFound)
            {
                // Just submitted (not yet visible) or older than the service keeps: the target status decides.
            }
        }
        return false;
    }

    /// <summary>This connection's journal lines for the target in the look-back, newest first (the journal is read from its end).</summary>
    private List<RestoreJournalEntry> JournalLinesInto(string targetInstanceId)
    {
        if (_journal is null) return new List<RestoreJournalEntry>();
        if (_linesInto is not null && _linesInto.Value.Target == targetInstanceId) return _linesInto.Value.Lines;
        var endpoint = _client.Connection.Endpoint.ToString();
        var lines = _journal.NewestFirst(_clock.UtcNow - JournalLookback)
            .Where(e => string.Equals(e.TargetInstanceId, targetInstanceId, StringComparison.Ordinal)
                && JournalEndpoint.Same(e.Endpoint, endpoint)
                && string.Equals(e.ProjectId, _client.Connection.ProjectId, StringComparison.Ordinal))
            .ToList();
        _linesInto = (targetInstanceId, lines);
        return lines;
    }

    private (string Target, List<RestoreJournalEntry> Lines)? _linesInto;

    /// <summary>
    /// Restores into the target whose outcome the journal cannot tell (a crash while sending, a lost answer) and
    /// that no one acknowledged: the caller warns about each, naming the time and what to check.
    /// </summary>
    private IReadOnlyList<RestoreAttempt> UnresolvedRestoresInto(string targetInstanceId) =>
        RestoreAttempt.Group(JournalLinesInto(targetInstanceId))
            .Where(a => a.IsUnresolved(_clock.UtcNow, RestoreAttempt.SenderMayBeAlive))
            .ToList();

    private static RdsError InstanceNotFound(string instanceId, string role) =>
        new(RdsErrorIds.InstanceNotFound,
            $"The {role} instance {instanceId} does not exist in this project and region. Nothing was sent. List instances with Get-RdsInstance.",
            instanceId, role == "source" ? "SourceInstanceId" : "TargetInstanceId");
}
