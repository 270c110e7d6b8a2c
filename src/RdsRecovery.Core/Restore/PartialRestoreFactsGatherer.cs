using RdsRecovery.Journal;
using RdsRecovery.Rules;

namespace RdsRecovery.Restore;

/// <summary>
/// Looks up, with reads only (so also under -WhatIf), what the rules of a database or table restore need: the
/// instance, its restorable windows, the databases (and PostgreSQL tables) that existed at the point in time with the
/// service's limits, the databases now, fast-restore support when asked for, and the journal's busy check.
/// </summary>
public sealed class PartialRestoreFactsGatherer
{
    private readonly RdsClient _client;
    private readonly RestoreJournal? _journal;
    private readonly IClock _clock;

    public PartialRestoreFactsGatherer(RdsClient client, RestoreJournal? journal, IClock? clock = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _journal = journal;
        _clock = clock ?? SystemClock.Instance;
    }

    /// <summary>The facts, or an <see cref="RdsValidationException"/> (InstanceNotFound) when the instance does not exist.</summary>
    public async Task<PartialRestoreFacts> GatherAsync(PartialRestoreRequest request, CancellationToken cancellationToken)
    {
        var instance = await _client.GetInstanceAsync(request.InstanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new RdsValidationException(new RdsError(RdsErrorIds.InstanceNotFound, $"The instance {request.InstanceId} does not exist in this project and region. Nothing was sent. List instances with Get-RdsInstance.",
                request.InstanceId, "InstanceId"));
        var engine = RdsEngines.Parse(instance.Engine);
        var profile = RestoreRuleProfiles.ForApiVersion(_client.RestoreApiVersion);
        if (engine is not (RdsEngine.MySql or RdsEngine.PostgreSql))
            return new PartialRestoreFacts { Instance = instance, Clock = _clock, Profile = profile, ApiVersion = _client.RestoreApiVersion };

        var ids = new[] { request.InstanceId };
        var windows = await _client.ListRestoreWindowsAsync(request.InstanceId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var history = await Refusable(() => _client.ListHistoryDatabasesAsync(engine, ids, request.RestoreTime, cancellationToken)).ConfigureAwait(false);
        var tables = request.Kind == RestoreKind.Table && engine == RdsEngine.PostgreSql
            ? await Refusable(() => _client.ListHistoryTablesAsync(ids, request.RestoreTime, request.Database, cancellationToken)).ConfigureAwait(false)
            : null;
        var now = request.Kind == RestoreKind.Database
            ? await Refusable(async () => (IReadOnlyCollection<string>)(await _client.ListSqlServerDatabasesAsync(request.InstanceId, cancellationToken).ConfigureAwait(false))
                .Select(d => d.Name).ToList()).ConfigureAwait(false)
            : null;
        // Asked only with -FastRestore, and only where a fast restore exists (not for PostgreSQL tables).
        var askFast = request.FastRestore && !(request.Kind == RestoreKind.Table && engine == RdsEngine.PostgreSql);
        var fast = askFast
            ? (await Refusable(() => _client.ListFastRestoreSupportAsync(ids, request.RestoreTime, cancellationToken)).ConfigureAwait(false))
                ?.FirstOrDefault(s => string.Equals(s.InstanceId, request.InstanceId, StringComparison.OrdinalIgnoreCase))
            : null;
        var (running, unresolved) = await new RestoreFactsGatherer(_client, _journal, _clock).TargetJournalStateAsync(request.InstanceId, cancellationToken).ConfigureAwait(false);
        return new PartialRestoreFacts
        {
            Instance = instance, RestoreWindows = windows, HistoryDatabases = history, HistoryTables = tables, DatabasesNow = now,
            FastRestoreLookedUp = askFast, FastRestore = fast, TargetHasRunningJob = running, UnresolvedRestores = unresolved,
            Clock = _clock, Profile = profile, ApiVersion = _client.RestoreApiVersion,
        };
    }

    /// <summary>
    /// A listing the service refused as asked (a 4xx: a time it cannot list, an API this cloud lacks) leaves its facts
    /// unknown (the rules say NotChecked); failures of the service or the network still end the command.
    /// </summary>
    private static async Task<T?> Refusable<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (RdsServiceException ex) when (ex.Kind is RdsErrorKind.NotFound or RdsErrorKind.InvalidArgument)
        {
            return null;
        }
    }
}
