namespace RdsRecovery.Emulator.Rules;

// Deliberate twin of RdsRecovery.Core/Rules/Partial/PartialNameGrammar.cs; in step by tests/Pester/EndToEnd.PartialRestore*.Tests.ps1.

/// <summary>
/// The grammar of a new database or table name in a database- or table-level restore (DBS.200001 when broken).
/// Databases follow the create-database rules of the SDK models (MySQL <c>DatabaseForCreation.name</c>: 1-64 letters,
/// digits, '-', '_' or '$', '$' at most 10 times and never on 8.0; PostgreSQL <c>PostgresqlDatabaseForCreation.name</c>:
/// 1-63 letters, digits or '_', not starting with "pg" or a digit, not a template database). No source gives a rule for
/// table names: the emulator assumes MySQL tables 1-64 of [A-Za-z0-9_$-] and PostgreSQL tables 1-63 of [A-Za-z0-9_], not
/// starting with a digit (README.md).
/// </summary>
internal static class ObjectNameRules
{
    private static readonly string[] PostgreSqlTemplates = { "postgres", "template0", "template1" };

    public static void CheckDatabase(string engine, string version, string name)
    {
        if (engine == "MySQL")
        {
            var dollars = name.Count(c => c == '$');
            if (name.Length is < 1 or > 64 || !name.All(c => IsWordChar(c) || c is '-' or '$'))
                throw Broken(name, "database", "1-64 letters, digits, '-', '_' or '$'");
            if (dollars > 10) throw Broken(name, "database", "at most 10 '$'");
            if (dollars > 0 && version.StartsWith("8.", StringComparison.Ordinal)) throw Broken(name, "database", "no '$' on MySQL 8.0");
            return;
        }
        if (name.Length is < 1 or > 63 || !name.All(IsWordChar)) throw Broken(name, "database", "1-63 letters, digits or '_'");
        if (name.StartsWith("pg", StringComparison.OrdinalIgnoreCase) || char.IsAsciiDigit(name[0]))
            throw Broken(name, "database", "not starting with 'pg' or a digit");
        if (PostgreSqlTemplates.Contains(name, StringComparer.OrdinalIgnoreCase)) throw Broken(name, "database", "not a template database (postgres, template0, template1)");
    }

    public static void CheckTable(string engine, string name)
    {
        if (engine == "MySQL")
        {
            if (name.Length is < 1 or > 64 || !name.All(c => IsWordChar(c) || c is '-' or '$'))
                throw Broken(name, "table", "1-64 letters, digits, '-', '_' or '$'");
            return;
        }
        if (name.Length is < 1 or > 63 || !name.All(IsWordChar) || char.IsAsciiDigit(name[0]))
            throw Broken(name, "table", "1-63 letters, digits or '_', not starting with a digit");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static ApiException Broken(string name, string kind, string rule) =>
        ApiException.Parameter($"Parameter error: the new {kind} name '{name}' must be {rule}.");
}
