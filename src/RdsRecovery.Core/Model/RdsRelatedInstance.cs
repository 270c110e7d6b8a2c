namespace RdsRecovery.Model;

/// <summary>One entry of an instance's related_instance list: the peer's id and the relation's type (replica_of, replica, ...).</summary>
public sealed class RdsRelatedInstance
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";

    public override string ToString() => $"{Type} {Id}";
}
