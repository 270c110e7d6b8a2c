namespace RdsRecovery.Api;

/// <summary>
/// The restore POST got no clear answer (timeout, dropped connection, 5xx, unreadable 2xx). The service may
/// have accepted it, so it was not sent again; the message says how to find out, and the inner exception is the failure.
/// </summary>
public sealed class RestoreOutcomeUnknownException : RdsException
{
    internal RestoreOutcomeUnknownException(string? targetInstanceId, string reason, int? httpStatus, string? requestId, Exception? inner)
        : base(new RdsError(RdsErrorIds.RestoreOutcomeUnknown, Compose(targetInstanceId, reason, requestId)), inner)
    {
        TargetInstanceId = targetInstanceId;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    public string? TargetInstanceId { get; }
    public int? HttpStatus { get; }
    public string? RequestId { get; }

    private static string Compose(string? target, string reason, string? requestId)
    {
        var t = string.IsNullOrEmpty(target) ? "<target>" : target;
        return $"The restore request got no clear answer ({reason}). The service may have accepted it and a restore job may exist; "
            + "the request was NOT sent again. Before retrying, check the target: "
            + $"'Get-RdsInstance -InstanceId {t}' shows the status RESTORING while a restore runs, "
            + "and the console's task center (or 'Get-RdsRestoreJob -JobId <id>' once you know the job id) shows the job. "
            + $"Request id: {(string.IsNullOrEmpty(requestId) ? "none" : requestId)}.";
    }
}
