using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Validation;

public class DatabaseMapTests
{
    private static KeyValuePair<string, string?> P(string key, string? value) => new(key, value);

    private static RdsError Refused(params KeyValuePair<string, string?>[] map)
    {
        Assert.False(RestoreRequest.TryCreate("s", "t", "bk", null, map, SystemClock.Instance, out _, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.InvalidDatabaseMap, e.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, e.Category);
        Assert.Same(map, e.TargetObject);
        Assert.Equal("DatabaseName", e.ParameterName);
        return e;
    }

    [Fact]
    public void The_seed_example_is_well_formed()
    {
        var r = RestoreRequest.ForBackup("s", "t", "bk", new[] { P("db1", "dbtest1"), P("db2", "") });
        Assert.Equal(2, r.DatabaseMap!.Count);
    }

    [Fact]
    public void An_empty_map_is_refused()
    {
        Assert.Contains("leave the map out", Refused().Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void A_blank_old_name_is_refused(string key)
    {
        Assert.Contains("blank old name", Refused(P("db1", "x"), P(key, "y")).Message);
    }

    [Fact]
    public void A_null_old_name_is_refused()
    {
        Assert.Contains("blank old name", Refused(P(null!, "y")).Message);
    }

    [Fact]
    public void A_null_new_name_is_refused_and_the_message_offers_the_empty_string()
    {
        var e = Refused(P("db1", null));
        Assert.Contains("'db1' is null", e.Message);
        Assert.Contains("empty string", e.Message);
    }

    [Theory]
    [InlineData("db1", "db1")]
    [InlineData("db1", "DB1")]
    [InlineData("Sales", "sALES")]
    public void Old_names_repeated_case_insensitively_are_refused(string first, string second)
    {
        Assert.Contains("appears twice", Refused(P(first, "a"), P(second, "b")).Message);
    }

    [Fact]
    public void DatabaseMapRules_accepts_a_single_entry_with_an_empty_new_name()
    {
        Assert.Null(DatabaseMapRules.Check(new[] { P("db1", "") }));
    }
}
