namespace RdsRecovery.Model;

/// <summary>What a restore brings back: a whole instance, databases, or tables (the last two into the same instance under new names).</summary>
public enum RestoreKind
{
    Instance = 0,
    Database,
    Table,
}
