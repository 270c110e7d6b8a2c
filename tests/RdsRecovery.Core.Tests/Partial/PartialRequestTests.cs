using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Partial;

public sealed class PartialRequestTests
{
    internal static readonly IClock Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    internal static readonly DateTimeOffset Time = new(2026, 11, 27, 23, 0, 0, 123, TimeSpan.FromHours(8));

    internal static KeyValuePair<string, string?>[] Map(params (string Old, string? New)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Old, p.New)).ToArray();

    internal static PartialRestoreRequest Databases(bool fast = false, params (string Old, string? New)[] pairs)
    {
        Assert.True(PartialRestoreRequest.TryCreateDatabases("inst01", Time, Map(pairs.Length == 0 ? new[] { ("sales", (string?)"sales_0301") } : pairs), fast,
            RdsEngine.MySql, Clock, out var request, out var errors), string.Join("; ", errors));
        return request!;
    }

    internal static PartialRestoreRequest Tables(RdsEngine engine, string? schema = null, bool fast = false, params (string Old, string? New)[] pairs)
    {
        Assert.True(PartialRestoreRequest.TryCreateTables("inst01", Time, "shop", schema, Map(pairs.Length == 0 ? new[] { ("orders", (string?)"orders_0301") } : pairs),
            fast, engine, Clock, out var request, out var errors), string.Join("; ", errors));
        return request!;
    }

    [Fact]
    public void A_database_restore_sends_the_BatchRestoreDatabase_body_for_one_instance_in_UTC_milliseconds()
    {
        var request = Databases();
        Assert.Equal("/v3/pid/instances/batch/restore/databases", request.Path("pid"));
        Assert.Equal("{\"instances\":[{\"restore_time\":" + Time.ToUnixTimeMilliseconds() + ",\"instance_id\":\"inst01\","
            + "\"databases\":[{\"old_name\":\"sales\",\"new_name\":\"sales_0301\"}]}]}", request.ToJson());
        Assert.Contains("\"is_fast_restore\":true", Databases(fast: true).ToJson());
    }

    [Fact]
    public void A_MySQL_table_restore_goes_to_the_v31_table_API_and_a_PostgreSQL_one_to_the_batch_table_API_in_its_schema()
    {
        var mysql = Tables(RdsEngine.MySql, fast: true);
        Assert.Equal("/v3.1/pid/instances/inst01/restore/tables", mysql.Path("pid"));
        Assert.Equal("{\"restore_time\":" + Time.ToUnixTimeMilliseconds() + ",\"restore_tables\":[{\"database\":\"shop\",\"tables\":[{\"old_name\":\"orders\",\"new_name\":\"orders_0301\"}]}],\"is_fast_restore\":true}", mysql.ToJson());

        var pg = Tables(RdsEngine.PostgreSql);
        Assert.Equal("/v3/pid/instances/batch/restore/tables", pg.Path("pid"));
        Assert.Equal("{\"instances\":[{\"restore_time\":" + Time.ToUnixTimeMilliseconds() + ",\"instance_id\":\"inst01\",\"databases\":[{\"database\":\"shop\","
            + "\"schemas\":[{\"schema\":\"public\",\"tables\":[{\"old_name\":\"orders\",\"new_name\":\"orders_0301\"}]}]}]}]}", pg.ToJson());
        Assert.Contains("\"schema\":\"sales\"", Tables(RdsEngine.PostgreSql, "sales").ToJson());
    }

    [Theory]
    [InlineData("sales", null, "is null")]
    [InlineData("sales", " ", "is blank")]
    [InlineData("sales", "SALES", "its own name")]
    [InlineData(" ", "x", "blank old name")]
    public void A_malformed_database_map_is_refused_with_InvalidDatabaseMap(string oldName, string? newName, string expected)
    {
        Assert.False(PartialRestoreRequest.TryCreateDatabases("inst01", Time, Map((oldName, newName)), false, RdsEngine.MySql, Clock, out _, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.InvalidDatabaseMap, error.Id);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Two_tables_under_one_new_name_an_empty_map_and_a_schema_on_MySQL_are_refused_before_anything_is_built()
    {
        Assert.False(PartialRestoreRequest.TryCreateTables("inst01", Time, "shop", null, Map(("a", "x"), ("b", "X")), false, RdsEngine.MySql, Clock, out _, out var twice));
        Assert.Equal(RdsErrorIds.InvalidTableMap, Assert.Single(twice).Id);
        Assert.False(PartialRestoreRequest.TryCreateTables("inst01", Time, "shop", null, Map(), false, RdsEngine.MySql, Clock, out _, out var empty));
        Assert.Equal(RdsErrorIds.InvalidTableMap, Assert.Single(empty).Id);
        Assert.False(PartialRestoreRequest.TryCreateTables("inst01", Time, "shop", "public", Map(("a", "b")), false, RdsEngine.MySql, Clock, out _, out var schema));
        Assert.Equal(RdsErrorIds.SchemaOnlyForPostgreSql, Assert.Single(schema).Id);
    }

    [Fact]
    public void The_database_and_schema_names_are_trimmed_like_the_table_names()
    {
        Assert.True(PartialRestoreRequest.TryCreateTables("inst01", Time, " sales ", " audit ", Map((" orders ", " orders_x ")), false, RdsEngine.PostgreSql, Clock,
            out var pg, out var errors), string.Join("; ", errors));
        Assert.Equal("sales", pg!.Database);
        Assert.Equal("audit", pg.Schema);
        Assert.Contains("\"database\":\"sales\"", pg.ToJson());
        Assert.Contains("\"schema\":\"audit\"", pg.ToJson());
        Assert.True(PartialRestoreRequest.TryCreateTables("inst01", Time, "\tshop ", null, Map(("orders", "orders_x")), false, RdsEngine.MySql, Clock,
            out var mysql, out errors), string.Join("; ", errors));
        Assert.Equal("shop", mysql!.Database);
        Assert.Contains("\"database\":\"shop\"", mysql.ToJson());
    }

    [Theory]
    [InlineData(RdsEngine.SqlServer)]
    [InlineData(RdsEngine.MariaDb)]
    [InlineData(RdsEngine.Unknown)]
    public void A_table_restore_on_an_engine_without_a_table_API_is_refused_as_input(RdsEngine engine)
    {
        Assert.False(PartialRestoreRequest.TryCreateTables("inst01", Time, "shop", null, Map(("orders", "orders_x")), false, engine, Clock, out var request, out var errors));
        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.OperationNotSupportedByEngine, error.Id);
        Assert.Equal(RdsErrorCategory.InvalidOperation, error.Category);
        Assert.Equal("inst01", error.TargetObject);
        Assert.Contains("MySQL and PostgreSQL only", error.Message);
    }

    [Fact]
    public void A_bad_instance_id_and_a_future_time_are_both_reported()
    {
        Assert.False(PartialRestoreRequest.TryCreateDatabases("bad/id", Clock.UtcNow.AddMinutes(5), Map(("a", "b")), false, RdsEngine.MySql, Clock, out _, out var errors));
        Assert.Equal(new[] { RdsErrorIds.InvalidInstanceId, RdsErrorIds.RestoreTimeInFuture }, errors.Select(e => e.Id));
    }
}
