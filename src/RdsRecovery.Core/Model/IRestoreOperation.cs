namespace RdsRecovery.Model;

/// <summary>
/// What every restore the rules judge has in common: where the data comes from, where it goes, and from which backup
/// or point in time. <see cref="RestoreRequest"/> (a whole instance) and <see cref="PartialRestoreRequest"/>
/// (databases or tables) are the two kinds; the compatibility report holds either.
/// </summary>
public interface IRestoreOperation
{
    RestoreKind Kind { get; }
    string SourceInstanceId { get; }
    string TargetInstanceId { get; }
    RestoreMode Mode { get; }
    string? BackupId { get; }
    DateTimeOffset? RestoreTime { get; }
    long? RestoreTimeUnixMilliseconds { get; }
    bool IsRestoreToSource { get; }
}
