using System.Collections;
using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.PowerShell.Binding;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// Where the transformation attributes do not run (a Pester Mock of Restore-RdsInstance copies the parameter types,
/// not their transformations), PowerShell's own conversion to RestoreTimeArgument and DatabaseMapArgument reads a
/// value exactly as the transformation would: a user's mocked runbook test still binds a string time and a hashtable.
/// </summary>
public class ArgumentConversionTests
{
    [Fact]
    public void A_utc_string_and_a_date_convert_to_the_same_point_in_time()
    {
        var expected = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, LanguagePrimitives.ConvertTo<RestoreTimeArgument>("2026-01-01T10:00:00Z").Time);
        Assert.Equal(expected, LanguagePrimitives.ConvertTo<RestoreTimeArgument>("2026-01-01T18:00:00+08:00").Time);
        Assert.Equal(expected, LanguagePrimitives.ConvertTo<RestoreTimeArgument>(expected).Time);
        Assert.True(LanguagePrimitives.ConvertTo<RestoreTimeArgument>("latest").IsLatest);
    }

    [Fact]
    public void A_time_without_a_zone_converts_to_its_refusal_as_the_transformation_gives_it()
    {
        var refused = LanguagePrimitives.ConvertTo<RestoreTimeArgument>("2026-01-01T10:00:00");
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, refused.Refusal!.Id);
    }

    [Fact]
    public void A_hashtable_an_ordered_map_and_json_text_convert_to_a_database_map()
    {
        var fromHashtable = LanguagePrimitives.ConvertTo<DatabaseMapArgument>(new Hashtable { ["db1"] = "db1_new" });
        Assert.Equal("db1_new", fromHashtable.Map!["db1"]);
        var ordered = new System.Collections.Specialized.OrderedDictionary { ["a"] = "b" };
        Assert.Equal("b", LanguagePrimitives.ConvertTo<DatabaseMapArgument>(ordered).Map!["a"]);
        Assert.Equal("x", LanguagePrimitives.ConvertTo<DatabaseMapArgument>("{\"db\":\"x\"}").Map!["db"]);
        Assert.Equal(RdsErrorIds.InvalidDatabaseMap, LanguagePrimitives.ConvertTo<DatabaseMapArgument>("[1]").Refusal!.Id);
    }

    [Fact]
    public void A_time_argument_equals_its_point_in_time_and_a_map_argument_reads_by_old_name()
    {
        var time = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        Assert.True(LanguagePrimitives.Equals(LanguagePrimitives.ConvertTo<RestoreTimeArgument>("2026-11-27T08:00:00Z"), time));
        Assert.False(LanguagePrimitives.Equals(LanguagePrimitives.ConvertTo<RestoreTimeArgument>("2026-11-27T08:00:01Z"), time));
        Assert.Equal(LanguagePrimitives.ConvertTo<RestoreTimeArgument>("Latest"), LanguagePrimitives.ConvertTo<RestoreTimeArgument>("latest"));
        Assert.Equal("sales_copy", LanguagePrimitives.ConvertTo<DatabaseMapArgument>(new Hashtable { ["sales"] = "sales_copy" })["sales"]);
    }
}
