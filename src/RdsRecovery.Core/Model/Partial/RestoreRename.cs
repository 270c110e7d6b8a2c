namespace RdsRecovery.Model;

/// <summary>One database or table to restore and the new name it is restored under (the original is left as it is).</summary>
public sealed class RestoreRename
{
    public RestoreRename(string oldName, string newName)
    {
        OldName = oldName;
        NewName = newName;
    }

    public string OldName { get; }
    public string NewName { get; }

    public override string ToString() => $"{OldName} -> {NewName}";
}
