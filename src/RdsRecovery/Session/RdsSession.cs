using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using RdsRecovery.Api;

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

    /// <summary>Job ids submitted in this session, newest first.</summary>
    public static IReadOnlyList<string> SubmittedJobIds =>
        Current.SubmittedJobs.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
}
