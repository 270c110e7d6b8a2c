namespace RdsRecovery.Rules.Partial;

// Deliberate twin of the emulator's Rules/ObjectNameRules.cs (known difference: the emulator also allows '$' in MySQL table names); in step by tests/Pester/EndToEnd.PartialRestore*.Tests.ps1.

/// <summary>
/// What a new database or table name may be, per engine, as far as the documents say (the SDK models of
/// CreateDatabase / CreatePostgresqlDatabase and the table-restore pages; about_RdsRecovery lists the sources):
/// MySQL databases 1-64 of letters, digits, '_', '-', '$' (at most 10 '$'; none on 8.0); PostgreSQL databases 1-63
/// of letters, digits, '_', not starting with a digit or "pg", not postgres/template0/template1; MySQL tables 1-64 of
/// letters, digits, '_', '-'; PostgreSQL tables 1-63 of letters, digits, '_', not starting with a digit.
/// </summary>
internal static class PartialNameGrammar
{
    private static readonly string[] PostgreSqlTemplates = { "postgres", "template0", "template1" };

    /// <summary>Why <paramref name="name"/> cannot be a new name, or null when it can.</summary>
    public static string? Problem(string name, RestoreKind kind, RdsEngine engine, string? engineVersion)
    {
        var postgres = engine == RdsEngine.PostgreSql;
        var max = postgres ? 63 : 64;
        if (name.Length > max) return $"it is {name.Length} characters long; at most {max} are allowed";
        var extra = kind == RestoreKind.Database && !postgres ? "_-$" : postgres ? "_" : "_-";
        var bad = name.FirstOrDefault(c => !IsAsciiLetterOrDigit(c) && extra.IndexOf(c) < 0);
        if (bad != default) return $"the character {DisplayText.Quote(bad.ToString())} is not allowed (allowed: letters, digits, {string.Join(", ", extra.Select(c => $"'{c}'"))})";
        if (postgres && char.IsDigit(name[0])) return "it starts with a digit";
        if (postgres && kind == RestoreKind.Database)
        {
            if (name.StartsWith("pg", StringComparison.OrdinalIgnoreCase)) return "it starts with \"pg\"";
            if (PostgreSqlTemplates.Contains(name, StringComparer.OrdinalIgnoreCase)) return "it is the name of a PostgreSQL template database";
        }
        if (kind == RestoreKind.Database && engine == RdsEngine.MySql)
        {
            var dollars = name.Count(c => c == '$');
            if (dollars > 0 && (engineVersion ?? "").StartsWith("8", StringComparison.Ordinal)) return "'$' is not allowed on MySQL 8.0";
            if (dollars > 10) return $"it holds {dollars} '$'; at most 10 are allowed";
        }
        return null;
    }

    public static bool IsAsciiLetterOrDigit(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
