using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace RdsRecovery.Rules;

/// <summary>
/// A SQL Server version as the service writes it in datastore.version (<c>2014_SE</c>, <c>2008_R2_WEB</c>, <c>2017_EE</c>):
/// a year, an optional R2, and an edition. Parsing is lenient: case, '_'/'-'/space separators, and the long
/// edition names (Standard, Enterprise, Web, Express) are all accepted.
/// </summary>
public sealed class SqlServerVersion(int year, bool isR2, SqlServerEdition edition) : IEquatable<SqlServerVersion>
{
    private static readonly Regex Shape = new Regex(
        @"^\s*(?:SQL\s*SERVER[\s_-]*)?(?<year>\d{4})[\s_-]*(?<r2>R2)?[\s_-]*(?<edition>[A-Z]+)(?:[\s_-]*EDITION)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public int Year { get; } = year;
    public bool IsR2 { get; } = isR2;
    public SqlServerEdition Edition { get; } = edition;

    /// <summary>The service's spelling, for example 2008_R2_WEB or 2014_SE.</summary>
    public string Key => string.Format(CultureInfo.InvariantCulture, "{0}{1}_{2}", Year, IsR2 ? "_R2" : "", EditionCode(Edition));

    public static bool TryParse(string? text, [NotNullWhen(true)] out SqlServerVersion? version)
    {
        version = null;
        if (text is null) return false;
        var m = Shape.Match(text);
        if (!m.Success) return false;
        if (!RestoreRuleData.EditionSpellings.TryGetValue(m.Groups["edition"].Value.ToUpperInvariant(), out var edition)) return false;
        version = new SqlServerVersion(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), m.Groups["r2"].Success, edition);
        return true;
    }

    private static string EditionCode(SqlServerEdition edition) => edition switch
    {
        SqlServerEdition.Web => "WEB",
        SqlServerEdition.Standard => "SE",
        SqlServerEdition.Enterprise => "EE",
        _ => "EX",
    };

    public bool Equals(SqlServerVersion? other) => other is not null && Year == other.Year && IsR2 == other.IsR2 && Edition == other.Edition;
    public override bool Equals(object? obj) => Equals(obj as SqlServerVersion);
    public override int GetHashCode() => (Year * 397) ^ (IsR2 ? 1 : 0) ^ ((int)Edition << 20);
    public override string ToString() => Key;
}
