namespace RdsRecovery.Rules;

/// <summary>A database engine as the rules know it.</summary>
public enum RdsEngine
{
    /// <summary>Not one of the engines the service lists.</summary>
    Unknown = 0,
    MySql,
    PostgreSql,
    SqlServer,
    MariaDb,
}
