using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace RdsRecovery.PowerShell.Completion;

/// <summary>
/// Lists for tab completion, cached per connection for a minute so a warm completion makes no request.
/// A cold one waits at most a few seconds; on any failure it answers with nothing.
/// </summary>
internal static class CompletionCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ColdLimit = TimeSpan.FromSeconds(3);
    private static readonly ConcurrentDictionary<string, (DateTimeOffset At, object Value)> Entries = new();

    public static IReadOnlyList<RdsInstance> Instances() =>
        Get("instances", (client, token) => client.ListInstancesAsync(null, token));

    public static IReadOnlyList<RdsBackup> Backups(string instanceId) =>
        Get("backups/" + instanceId, (client, token) => client.ListBackupsAsync(new RdsBackupFilter(instanceId), token));

    private static IReadOnlyList<T> Get<T>(string what, Func<RdsClient, CancellationToken, Task<IReadOnlyList<T>>> fetch)
    {
        var connection = RdsSession.DefaultConnection;
        if (connection is null) return Array.Empty<T>();
        var key = $"{connection.Endpoint}|{connection.ProjectId}|{what}";
        if (Entries.TryGetValue(key, out var entry) && DateTimeOffset.UtcNow - entry.At < Lifetime) return (IReadOnlyList<T>)entry.Value;
        try
        {
            using var cancel = new CancellationTokenSource(ColdLimit);
            // No retries: a completion must answer quickly or not at all.
            using var client = connection.CreateClient(new RdsClientOptions { Retry = RdsRetryPolicy.None, RequestTimeout = ColdLimit });
            var value = Task.Run(() => fetch(client, cancel.Token)).GetAwaiter().GetResult();
            Entries[key] = (DateTimeOffset.UtcNow, value);
            return value;
        }
        catch (Exception)
        {
            return Array.Empty<T>();
        }
    }
}
