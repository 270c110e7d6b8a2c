using System.Net.Http;
using RdsRecovery.Backups;
using RdsRecovery.Json;

namespace RdsRecovery.Api;

/// <summary>Manual backups: create (CreateManualBackup) and delete (DeleteManualBackup), as the SDK models define them.</summary>
public sealed partial class RdsClient
{
    /// <summary>
    /// POST /v3/{project_id}/backups. The answer's "backup" (BackupInfo: id, instance_id, name, description, databases,
    /// begin_time, status, type) is returned; follow it in the backup list until COMPLETED or FAILED. Sent again only
    /// when it never reached the service (429, connection refused): a timeout or a 5xx may have made the backup.
    /// </summary>
    public async Task<RdsBackup> CreateManualBackupAsync(ManualBackupRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var uri = _http.BuildUri(ProjectPath + "/backups");
        var body = new UTF8Encoding(false).GetBytes(request.ToJson());
        var response = await _http.SendChangeAsync(HttpMethod.Post, uri, body, cancellationToken).ConfigureAwait(false);
        var backup = RdsJsonMapper.Backup(AnswerObject.Root(response, "POST", uri).RequiredProp("backup"));
        // BackupInfo carries no size and no datastore; type is documented but said here in case it is left out.
        if (backup.Type.Length == 0) backup.Type = "manual";
        return backup;
    }

    /// <summary>DELETE /v3/{project_id}/backups/{backup_id} (manual backups only; the answer has no fields). Returns the request id.</summary>
    public async Task<string?> DeleteManualBackupAsync(string backupId, CancellationToken cancellationToken = default)
    {
        Require(backupId, nameof(backupId));
        var uri = _http.BuildUri(ProjectPath + "/backups/" + Uri.EscapeDataString(backupId));
        var response = await _http.SendChangeAsync(HttpMethod.Delete, uri, null, cancellationToken).ConfigureAwait(false);
        return response.RequestId;
    }

    /// <summary>One backup of an instance by id, or null when the list does not hold it.</summary>
    public async Task<RdsBackup?> FindBackupAsync(string instanceId, string backupId, CancellationToken cancellationToken = default)
    {
        var list = await ListBackupsAsync(new RdsBackupFilter(instanceId) { BackupId = backupId }, cancellationToken).ConfigureAwait(false);
        foreach (var backup in list) if (string.Equals(backup.Id, backupId, StringComparison.Ordinal)) return backup;
        return null;
    }
}
