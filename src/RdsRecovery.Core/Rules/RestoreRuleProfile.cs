namespace RdsRecovery.Rules;

/// <summary>
/// The data of one rule profile: every difference between the seed's rules and the v3.1 documents' rules is a value
/// here, read by the one implementation of each rule (rule ids never change between profiles).
/// The values themselves are in <see cref="RestoreRuleProfiles"/>.
/// </summary>
public sealed class RestoreRuleProfile
{
    internal RestoreRuleProfile(RdsRuleProfile name, RdsRestoreApiVersion apiVersion, IReadOnlyList<SqlServerTableRow> sqlServerRows)
    {
        Name = name;
        ApiVersion = apiVersion;
        SqlServerTable = new SqlServerVersionTable(sqlServerRows);
    }

    public RdsRuleProfile Name { get; }
    /// <summary>The API version whose documents the profile follows.</summary>
    public RdsRestoreApiVersion ApiVersion { get; }
    /// <summary>SQL Server: which versions a source version may be restored to.</summary>
    public SqlServerVersionTable SqlServerTable { get; }
    /// <summary>True when the table claims to be complete, so a source it does not list fails; false when unconfirmed rows were left out (NotChecked).</summary>
    public bool UnlistedSqlServerSourceFails { get; internal init; }
    /// <summary>Where the table comes from, and what it leaves out.</summary>
    public string SqlServerTableNote { get; internal init; } = "";

    /// <summary>MySQL: compare the minor kernel version (datastore.complete_version) as well as datastore.version.</summary>
    public bool MySqlComparesMinorVersion { get; internal init; }
    /// <summary>MySQL versions (datastore.version) whose target may run an equal or higher minor version; others need the same minor version.</summary>
    public IReadOnlyCollection<string> MySqlMinorUpgradeVersions { get; internal init; } = Array.Empty<string>();

    /// <summary>Engines whose target's volume must be at least the source's.</summary>
    public IReadOnlyCollection<RdsEngine> VolumeRuleEngines { get; internal init; } = Array.Empty<RdsEngine>();
    /// <summary>Engines that may restore into the source instance itself.</summary>
    public IReadOnlyCollection<RdsEngine> SourceAsTargetEngines { get; internal init; } = Array.Empty<RdsEngine>();
    /// <summary>SQL Server: source and target must be in the same time_zone.</summary>
    public bool SqlServerTimeZoneMustMatch { get; internal init; }
    /// <summary>PostgreSQL: a target in a disaster-recovery relation is refused.</summary>
    public bool PostgreSqlRefusesDisasterRecoveryTarget { get; internal init; }

    /// <summary>SQL Server new database names: the longest allowed.</summary>
    public int DatabaseNameMaxLength { get; internal init; }
    /// <summary>Characters besides ASCII letters, digits and '_' a new name may hold.</summary>
    public string DatabaseNameExtraCharacters { get; internal init; } = "";
    /// <summary>One map value may hold several comma-separated new names (copies of one database).</summary>
    public bool SeveralNewNamesPerDatabase { get; internal init; }

    /// <summary>The characters allowed in a new name, in words.</summary>
    public string DatabaseNameCharacters => DatabaseNameExtraCharacters.Length == 0
        ? "ASCII letters, digits and underscore"
        : "ASCII letters, digits, underscore and " + string.Join(" ", DatabaseNameExtraCharacters.Select(c => $"'{c}'"));

    public bool IsDatabaseNameChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || DatabaseNameExtraCharacters.IndexOf(c) >= 0;

    /// <summary>How the profile is named in messages: "V31 (v3.1)".</summary>
    public string Label => $"{Name} ({RdsApiVersions.Name(ApiVersion)})";

    public override string ToString() => Label;
}
