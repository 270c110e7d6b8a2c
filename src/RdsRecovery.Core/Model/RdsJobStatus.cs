namespace RdsRecovery.Model;

/// <summary>The state of an RDS job. Submitted means accepted by the service but not yet visible to job queries.</summary>
public enum RdsJobStatus
{
    Unknown = 0,
    Submitted,
    Running,
    Completed,
    Failed,
}
