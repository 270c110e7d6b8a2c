namespace RdsRecovery.Rules;

/// <summary>Reads the engine names the service and users write (MySQL, postgresql, SQLServer, "SQL Server", sql_server...).</summary>
public static class RdsEngines
{
    /// <summary>The engine a name means, case-insensitively and ignoring spaces, '_' and '-'; Unknown when none.</summary>
    public static RdsEngine Parse(string? name)
    {
        if (name is null) return RdsEngine.Unknown;
        var key = Normalize(name);
        return RestoreRuleData.EngineSpellings.TryGetValue(key, out var engine) ? engine : RdsEngine.Unknown;
    }

    /// <summary>The service's own spelling: MySQL, PostgreSQL, SQLServer, MariaDB.</summary>
    public static string DisplayName(RdsEngine engine) => engine switch
    {
        RdsEngine.MySql => "MySQL",
        RdsEngine.PostgreSql => "PostgreSQL",
        RdsEngine.SqlServer => "SQLServer",
        RdsEngine.MariaDb => "MariaDB",
        _ => "Unknown",
    };

    /// <summary>
    /// The service's spelling of an engine name given in any case or form (the API's datastore_type filter is
    /// case-sensitive; users' typing is not). A name of no known engine is passed on as given; null stays null.
    /// </summary>
    public static string? ServiceSpelling(string? name)
    {
        if (name is null) return null;
        var engine = Parse(name);
        return engine == RdsEngine.Unknown ? name : DisplayName(engine);
    }

    /// <summary>Whether the spec documents restoring to an existing instance for this engine.</summary>
    public static bool SupportsRestoreToExisting(RdsEngine engine) => RestoreRuleData.RestoreEngines.Contains(engine);

    public static string SupportedList => string.Join(", ", RestoreRuleData.RestoreEngines.Select(DisplayName));

    internal static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (c == ' ' || c == '_' || c == '-') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
