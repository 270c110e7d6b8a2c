using RdsRecovery.Rules;

namespace RdsRecovery.Restore;

/// <summary>
/// The words of a restore's confirmation, so a person can decide on them: the target's name first (then its id), what
/// is overwritten (the whole instance, or only the listed databases), and the backup's name and end time or the UTC
/// point in time. Names come from the facts when they were looked up; otherwise ids stand alone.
/// </summary>
public sealed class RestoreConfirmation
{
    private RestoreConfirmation() { }

    /// <summary>The prompt's title: "Overwrite erp-staging (id)".</summary>
    public string Caption { get; private init; } = "";
    /// <summary>The prompt's question: what happens, that it cannot be undone, and the exact body.</summary>
    public string Query { get; private init; } = "";
    /// <summary>The -WhatIf line: what would happen and the exact body.</summary>
    public string Description { get; private init; } = "";

    /// <param name="body">The exact JSON body that would be sent.</param>
    /// <param name="sending">For -WhatIf: how it would be sent (API version, rules, path and body).</param>
    /// <param name="safetyBackup">With -BackupTargetFirst: the first step, in words with its exact body; the restore becomes undoable.</param>
    /// <param name="undoing">For Undo-RdsRestore: the job whose restore this one undoes.</param>
    public static RestoreConfirmation For(RestoreRequest request, RestoreFacts? facts, string body, string sending,
        string? safetyBackup = null, string? undoing = null)
    {
        var target = Label(facts?.Target, request.TargetInstanceId);
        var source = Label(facts?.Source, request.SourceInstanceId);
        var from = request.IsRestoreToSource ? "its own " : "";
        var data = request.Mode == RestoreMode.Backup
            ? $"{from}backup {BackupLabel(request, facts?.Backup)}" + (request.IsRestoreToSource ? "" : $" of {source}")
            : (request.IsRestoreToSource ? "its own data" : $"the data of {source}") + $" as of {RestoreTimeRules.Format(request.RestoreTime!.Value)} (UTC)";
        // A database kept under its own name never replaces one of the target (that is a clash, refused): say no more.
        var scope = request.DatabaseMap is null
            ? $"the WHOLE instance is overwritten with {data}"
            : $"ONLY the listed databases are restored, from {data}: " +
              string.Join(", ", request.DatabaseMap.Select(p => p.Value.Length == 0 ? $"{p.Key} (under its own name)" : $"{p.Key} as {p.Value}")) +
              "; its other databases are left as they are";
        var same = request.IsRestoreToSource && undoing is null ? " Source and target are the SAME instance." : "";
        var undo = undoing is null ? "" : $"UNDO of restore job {undoing}: ";
        if (safetyBackup is not null)
        {
            return new RestoreConfirmation
            {
                Caption = $"{undo}Back up, then overwrite {target}",
                Query = $"{undo}{target}: FIRST {safetyBackup}; only once it is COMPLETED, {scope}.{same} The restore can be undone from that backup with Undo-RdsRestore. Restore body: {body}",
                Description = $"{undo}{target}: step 1: {safetyBackup}. Step 2, once it is COMPLETED and the target ACTIVE: {scope}.{same} {request.Describe()}. {sending}",
            };
        }
        return new RestoreConfirmation
        {
            Caption = $"{undo}Overwrite {target}",
            Query = $"{undo}{target}: {scope}.{same} This cannot be undone. Body: {body}",
            Description = $"{undo}{target}: {scope}.{same} {request.Describe()}. {sending}",
        };
    }

    private static string Label(RdsInstance? instance, string id) =>
        instance is not null && instance.Name.Length > 0 ? $"{instance.Name} ({id})" : $"instance {id}";

    private static string BackupLabel(RestoreRequest request, RdsBackup? backup)
    {
        if (backup is null || backup.Name.Length == 0) return request.BackupId!;
        var ended = backup.EndTime is { } end ? $", ended {RestoreTimeRules.Format(end)} UTC" : "";
        return $"'{backup.Name}' ({request.BackupId}{ended})";
    }
}
