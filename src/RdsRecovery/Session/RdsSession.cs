using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace RdsRecovery.PowerShell.Session;

/// <summary>
/// Per-runspace module state: the default connection set by Connect-RdsAccount, and the jobs submitted in this
/// session (for -JobId completion). Keyed by runspace so parallel runspaces never share a default by accident.
/// </summary>
internal static class RdsSession
{
    private static readonly ConcurrentDictionary<Guid, State> States = new();

    private sealed class State
    {
        public RdsConnection? Connection;
        public readonly ConcurrentDictionary<string, DateTimeOffset> SubmittedJobs = new(StringComparer.Ordinal);
    }

    private static State Current => States.GetOrAdd(Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty, _ => new State());

    public static RdsConnection? DefaultConnection
    {
        get => Current.Connection;
        set => Current.Connection = value;
    }

    public static void RememberJob(string jobId) => Current.SubmittedJobs[jobId] = DateTimeOffset.UtcNow;

    /// <summary>Job ids submitted in the runspace <paramref name="runspaceId"/> (a background job's), newest first.</summary>
    public static IReadOnlyList<string> SubmittedJobIdsOf(Guid runspaceId) =>
        States.TryGetValue(runspaceId, out var state)
            ? state.SubmittedJobs.OrderByDescending(p => p.Value).Select(p => p.Key).ToList()
            : Array.Empty<string>();

    /// <summary>
    /// A background job's runspace is closing: the jobs it submitted become the caller's (for completion), and its
    /// state is dropped, so finished background jobs leave nothing behind here.
    /// </summary>
    public static void HandOver(Guid fromRunspace, Guid toRunspace)
    {
        if (!States.TryRemove(fromRunspace, out var from)) return;
        var to = States.GetOrAdd(toRunspace, _ => new State());
        foreach (var job in from.SubmittedJobs) to.SubmittedJobs[job.Key] = job.Value;
    }

    /// <summary>Job ids submitted in this session, newest first.</summary>
    public static IReadOnlyList<string> SubmittedJobIds =>
        Current.SubmittedJobs.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
}
