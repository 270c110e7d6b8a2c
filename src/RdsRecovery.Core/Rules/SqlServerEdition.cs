namespace RdsRecovery.Rules;

/// <summary>SQL Server editions, in upgrade order (a restore may move up, never down, within a year).</summary>
public enum SqlServerEdition
{
    Express,
    Web,
    Standard,
    Enterprise,
}
