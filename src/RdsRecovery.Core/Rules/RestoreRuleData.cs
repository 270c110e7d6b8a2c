using System.Collections.Generic;

namespace RdsRecovery.Rules;

/// <summary>
/// The data behind the compatibility rules, kept in this one file so it can change without touching any rule:
/// the SQL Server version table of the seed spec, the database-name policy, and the engine spellings.
/// </summary>
/// <remarks>
/// Source: the seed spec (restore-to-existing-instance, Table 1 and Table 4). Newer vendor pages differ (for example
/// they allow 2012 to 2014); the seed is the default behaviour, so only same-year edition upgrades are listed.
/// </remarks>
internal static class RestoreRuleData
{
    /// <summary>SQL Server: source version to the target versions a restore may go to, in the service's spelling.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string[]>> SqlServerAllowedTargets = new[]
    {
        Row("2008_R2_WEB", "2008_R2_WEB", "2008_R2_EE"),
        Row("2008_R2_EE", "2008_R2_EE"),
        Row("2012_WEB", "2012_WEB", "2012_SE", "2012_EE"),
        Row("2012_SE", "2012_SE", "2012_EE"),
        Row("2012_EE", "2012_EE"),
        Row("2014_WEB", "2014_WEB", "2014_SE", "2014_EE"),
        Row("2014_SE", "2014_SE", "2014_EE"),
        Row("2014_EE", "2014_EE"),
        Row("2016_WEB", "2016_WEB", "2016_SE", "2016_EE"),
        Row("2016_SE", "2016_SE", "2016_EE"),
        Row("2016_EE", "2016_EE"),
        Row("2017_EE", "2017_EE"),
    };

    /// <summary>New SQL Server database names: length bounds (inclusive).</summary>
    public const int DatabaseNameMinLength = 1;
    public const int DatabaseNameMaxLength = 128;

    /// <summary>Characters a new database name may hold, as shown to users; the check is <see cref="IsDatabaseNameChar"/>.</summary>
    public const string DatabaseNameCharacters = "ASCII letters, digits and underscore";

    /// <summary>Substrings a new database name must not contain, compared case-insensitively.</summary>
    public static readonly IReadOnlyList<string> ReservedDatabaseNameParts = new[] { "rdsadmin", "master", "msdb", "tempdb", "model", "resource" };

    public static bool IsDatabaseNameChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';

    /// <summary>Engine spellings, compared after lower-casing and removing spaces, '_' and '-'.</summary>
    public static readonly IReadOnlyDictionary<string, RdsEngine> EngineSpellings = new Dictionary<string, RdsEngine>
    {
        ["mysql"] = RdsEngine.MySql,
        ["postgresql"] = RdsEngine.PostgreSql,
        ["postgres"] = RdsEngine.PostgreSql,
        ["sqlserver"] = RdsEngine.SqlServer,
        ["mssql"] = RdsEngine.SqlServer,
        ["mariadb"] = RdsEngine.MariaDb,
    };

    /// <summary>Engines for which the spec documents restoring to an existing instance.</summary>
    public static readonly IReadOnlyList<RdsEngine> RestoreEngines = new[] { RdsEngine.MySql, RdsEngine.PostgreSql, RdsEngine.SqlServer };

    /// <summary>SQL Server edition spellings (upper-cased) to editions.</summary>
    public static readonly IReadOnlyDictionary<string, SqlServerEdition> EditionSpellings = new Dictionary<string, SqlServerEdition>
    {
        ["WEB"] = SqlServerEdition.Web,
        ["SE"] = SqlServerEdition.Standard,
        ["STD"] = SqlServerEdition.Standard,
        ["STANDARD"] = SqlServerEdition.Standard,
        ["EE"] = SqlServerEdition.Enterprise,
        ["ENT"] = SqlServerEdition.Enterprise,
        ["ENTERPRISE"] = SqlServerEdition.Enterprise,
        ["EX"] = SqlServerEdition.Express,
        ["EXPRESS"] = SqlServerEdition.Express,
    };

    private static KeyValuePair<string, string[]> Row(string source, params string[] targets) => new KeyValuePair<string, string[]>(source, targets);
}
