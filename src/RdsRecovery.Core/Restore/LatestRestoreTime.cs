namespace RdsRecovery.Restore;

/// <summary>
/// "-RestoreTime Latest": the end of the source's newest restorable window (the data Get-RdsRestoreWindow shows),
/// to the millisecond the wire carries. It is resolved once, when the request is built, so the confirmation, -WhatIf,
/// the job and the journal all show the exact time that is sent.
/// </summary>
public static class LatestRestoreTime
{
    /// <summary>The word, matched without regard to case or surrounding blanks.</summary>
    public const string Word = "Latest";

    public static bool IsWord(string? text) => text is not null && string.Equals(text.Trim(), Word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The latest instant of <paramref name="windows"/>, truncated to the millisecond; null when there is none.</summary>
    public static DateTimeOffset? From(IEnumerable<RdsRestoreWindow> windows)
    {
        if (windows is null) throw new ArgumentNullException(nameof(windows));
        var ends = windows.Where(w => w.End >= w.Start).Select(w => w.End.ToUniversalTime()).ToList();
        if (ends.Count == 0) return null;
        // Truncating keeps the time inside the window: End is inclusive and never earlier than Start's millisecond.
        return DateTimeOffset.FromUnixTimeMilliseconds(ends.Max().ToUnixTimeMilliseconds());
    }

    /// <summary>Reads the source's windows now and resolves Latest; throws <see cref="RdsValidationException"/> (NoRestoreWindow) when there is none.</summary>
    public static async Task<DateTimeOffset> ResolveAsync(RdsClient client, string sourceInstanceId, CancellationToken cancellationToken,
        string parameterName = "RestoreTime")
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        var windows = await client.ListRestoreWindowsAsync(sourceInstanceId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return From(windows) ?? throw new RdsValidationException(NoWindow(sourceInstanceId, parameterName));
    }

    public static RdsError NoWindow(string sourceInstanceId, string parameterName = "RestoreTime") =>
        new(RdsErrorIds.NoRestoreWindow,
            $"-RestoreTime Latest: the source instance {sourceInstanceId} has no restorable window, so there is no latest time to restore to. " +
            $"Nothing was sent. Check its backups and log retention (Get-RdsRestoreWindow -InstanceId {sourceInstanceId}), or give -BackupId.",
            sourceInstanceId, parameterName);

    /// <param name="given">The word as the user wrote it: the refused value.</param>
    public static RdsError Offline(string given, string parameterName = "RestoreTime") =>
        new(RdsErrorIds.LatestRestoreTimeUnresolved,
            "-RestoreTime Latest is the end of the source's newest restorable window, read from the service, and this session has no connection. " +
            "Nothing was sent. Connect-RdsAccount (or pass -Connection), or give the point in time itself.",
            given, parameterName);

    /// <summary>The refusal of -BackupId together with Latest: made before any read, as for a time.</summary>
    public static RdsError WithBackup(string backupId, string given) =>
        RestoreRequest.BothGiven(backupId, given, given);

    /// <summary>"... (UTC): the latest restorable time of X" for verbose lines.</summary>
    public static string Describe(DateTimeOffset resolved, string sourceInstanceId) =>
        $"-RestoreTime Latest is {RestoreTimeRules.Format(resolved)} (UTC), the end of the newest restorable window of {sourceInstanceId}.";
}
