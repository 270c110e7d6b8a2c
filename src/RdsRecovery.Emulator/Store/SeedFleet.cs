namespace RdsRecovery.Emulator.Store;

/// <summary>One seeded instance: what a realistic fleet needs to show every rule.</summary>
internal sealed record SeedInstance(
    string Name, string Engine, string Version, string? CompleteVersion, string Type, int VolumeGb,
    string[] Databases, bool WithFailedAndBuilding = false, bool WithLogGap = false,
    string? TimeZone = null, string? Region = null, (string Peer, string Type)[]? Related = null);

/// <summary>
/// The seeded fleet. Sizes differ within a version so the volume rule can be shown (for example
/// erp-prod 100 GB into erp-dev-small 40 GB is refused), and the SQL Server editions cover the spec table.
/// </summary>
internal static class SeedFleet
{
    public static readonly IReadOnlyList<SeedInstance> Instances = new SeedInstance[]
    {
        new("erp-prod", "MySQL", "5.7", "5.7.38", "Ha", 100, new[] { "erp", "erp_audit" }, WithFailedAndBuilding: true, WithLogGap: true),
        new("erp-staging", "MySQL", "5.7", "5.7.38", "Single", 200, new[] { "erp", "erp_audit" }),
        new("erp-dev-small", "MySQL", "5.7", "5.7.38", "Single", 40, new[] { "erp" }),
        new("erp-reporting", "MySQL", "5.7", "5.7.41", "Ha", 100, new[] { "reporting" }),
        new("shop-mysql80-prod", "MySQL", "8.0", "8.0.28", "Ha", 250, new[] { "shop", "shop_orders" }, WithFailedAndBuilding: true),
        new("shop-mysql80-staging", "MySQL", "8.0", "8.0.28", "Single", 250, new[] { "shop" }),
        new("shop-mysql80-test", "MySQL", "8.0", "8.0.28", "Single", 500, new[] { "shop_test" }),
        new("shop-mysql80-tiny", "MySQL", "8.0", "8.0.28", "Single", 50, new[] { "shop" }),
        new("crm-pg12-prod", "PostgreSQL", "12", "12.14", "Ha", 100, new[] { "crm" }, WithFailedAndBuilding: true),
        new("crm-pg12-staging", "PostgreSQL", "12", "12.14", "Single", 100, new[] { "crm" }),
        new("billing-pg14-prod", "PostgreSQL", "14", "14.8", "Ha", 200, new[] { "billing" }),
        new("billing-pg14-staging", "PostgreSQL", "14", "14.8", "Single", 300, new[] { "billing" }),
        new("analytics-pg16-prod", "PostgreSQL", "16", "16.2", "Ha", 500, new[] { "analytics" }),
        new("analytics-pg16-staging", "PostgreSQL", "16", "16.2", "Single", 500, new[] { "analytics" }),
        new("hr-sql2008r2-web", "SQLServer", "2008_R2_WEB", null, "Single", 100, new[] { "hr_core", "hr_payroll" }),
        new("hr-sql2008r2-ee", "SQLServer", "2008_R2_EE", null, "Ha", 200, new[] { "hr_archive" }),
        new("fin-sql2012-web", "SQLServer", "2012_WEB", null, "Single", 100, new[] { "ledger", "invoices" }),
        new("fin-sql2012-se", "SQLServer", "2012_SE", null, "Single", 200, new[] { "ledger_copy" }),
        new("fin-sql2012-ee", "SQLServer", "2012_EE", null, "Ha", 200, new[] { "treasury" }),
        new("pay-sql2014-web", "SQLServer", "2014_WEB", null, "Single", 100, new[] { "payments" }),
        new("pay-sql2014-se", "SQLServer", "2014_SE", null, "Single", 150, new[] { "payments_test" }),
        new("pay-sql2014-ee", "SQLServer", "2014_EE", null, "Ha", 150, new[] { "settlement" }),
        new("bi-sql2016-web", "SQLServer", "2016_WEB", null, "Single", 100, new[] { "sales", "reporting" }, WithFailedAndBuilding: true),
        new("bi-sql2016-se", "SQLServer", "2016_SE", null, "Single", 200, new[] { "reporting_archive" }),
        new("bi-sql2016-ee", "SQLServer", "2016_EE", null, "Ha", 200, new[] { "warehouse" }),
        new("dw-sql2017-ee", "SQLServer", "2017_EE", null, "Ha", 300, new[] { "dw", "staging" }, WithFailedAndBuilding: true),
        new("dw-sql2017-ee-staging", "SQLServer", "2017_EE", null, "Single", 300, new[] { "dw_test" }),
        // For the v3.1 rules (and the cross-region rule of both): minor versions, regions, relations, time zones, newer editions.
        new("shop-mysql80-new", "MySQL", "8.0", "8.0.32", "Single", 250, new[] { "shop" }),
        new("ledger-other-region", "MySQL", "5.7", "5.7.38", "Single", 200, new[] { "erp" }, Region: "cn-east-3"),
        new("crm-pg12-dr", "PostgreSQL", "12", "12.14", "Single", 100, new[] { "crm" }, Related: new[] { ("crm-pg12-prod", "dr") }),
        new("crm-pg12-with-replica", "PostgreSQL", "12", "12.14", "Ha", 100, new[] { "crm" }, Related: new[] { ("crm-pg12-staging", "replica") }),
        new("crm-pg12-mirror", "PostgreSQL", "12", "12.14", "Single", 100, new[] { "crm" }, Related: new[] { ("crm-pg12-staging", "mirror") }),
        new("dw-sql2017-ee-utc", "SQLServer", "2017_EE", null, "Single", 300, new[] { "dw" }, TimeZone: "UTC"),
        new("bi-sql2017-web", "SQLServer", "2017_WEB", null, "Single", 100, new[] { "sales" }),
        new("ops-sql2017-se", "SQLServer", "2017_SE", null, "Single", 200, new[] { "ops", "ops_audit" }),
        new("ops-sql2019-se", "SQLServer", "2019_SE", null, "Single", 200, new[] { "ops_2019" }),
        new("ops-sql2019-ee", "SQLServer", "2019_EE", null, "Ha", 300, new[] { "ops" }),
        new("ops-sql2022-se", "SQLServer", "2022_SE", null, "Single", 200, new[] { "ops_2022" }),
        new("ops-sql2022-ee", "SQLServer", "2022_EE", null, "Ha", 300, new[] { "ops_archive" }),
        new("hr-sql2008r2-se", "SQLServer", "2008_R2_SE", null, "Single", 200, new[] { "hr_core" }),
    };

    /// <summary>Changes whenever the fleet does, so a data file seeded from another fleet is reseeded at start.</summary>
    public static string Fingerprint { get; } = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join(";", System.Linq.Enumerable.Select(Instances, Describe)))))[..16];

    private static string Describe(SeedInstance i) =>
        $"{i.Name}|{i.Engine}|{i.Version}|{i.CompleteVersion}|{i.Type}|{i.VolumeGb}|{string.Join(",", i.Databases)}|{i.WithFailedAndBuilding}|" +
        $"{i.WithLogGap}|{i.TimeZone}|{i.Region}|{string.Join(",", System.Linq.Enumerable.Select(i.Related ?? System.Array.Empty<(string, string)>(), r => r.Item1 + ":" + r.Item2))}";
}
