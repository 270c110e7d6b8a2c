using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using RdsRecovery.Errors;

namespace RdsRecovery.PowerShell.Tests;

public class TransformationTests
{
    private static readonly RestoreTimeTransformationAttribute Time = new();
    private static readonly DatabaseMapTransformationAttribute Map = new();

    [Fact]
    public void A_refused_time_becomes_a_token_redeemed_exactly_once()
    {
        var token = Time.Transform(null!, PSObject.AsPSObject("2026-01-01T10:00:00"));
        var value = Assert.IsType<DateTimeOffset>(token);
        var error = RestoreTimeRefusals.Redeem(value);
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, error!.Id);
        Assert.Equal("2026-01-01T10:00:00", error.TargetObject);
        Assert.Null(RestoreTimeRefusals.Redeem(value));
    }

    [Fact]
    public void Tokens_of_two_refusals_do_not_mix()
    {
        var first = (DateTimeOffset)Time.Transform(null!, "2026-01-01")!;
        var second = (DateTimeOffset)Time.Transform(null!, 1.5)!;
        Assert.NotEqual(first, second);
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, RestoreTimeRefusals.Redeem(second)!.Id);
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, RestoreTimeRefusals.Redeem(first)!.Id);
    }

    [Fact]
    public void Accepted_times_are_plain_utc_values_and_not_tokens()
    {
        var value = (DateTimeOffset)Time.Transform(null!, "2026-01-01T18:00:00+08:00")!;
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), value);
        Assert.Null(RestoreTimeRefusals.Redeem(value));
        Assert.Null(RestoreTimeRefusals.Redeem(null));
        Assert.Null(RestoreTimeRefusals.Redeem(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(long.MaxValue / 1_000_000)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_times_mean_not_given(string? raw) => Assert.Null(Time.Transform(null!, raw));

    [Fact]
    public void A_json_object_map_becomes_an_ordered_dictionary_in_property_order()
    {
        var pso = new PSObject();
        pso.Properties.Add(new PSNoteProperty("zz", "new1"));
        pso.Properties.Add(new PSNoteProperty("aa", ""));
        var map = Assert.IsType<OrderedDictionary>(Map.Transform(null!, pso));
        Assert.Equal(new object[] { "zz", "aa" }, map.Keys.Cast<object>());
        Assert.Equal("new1", map["zz"]);
    }

    [Fact]
    public void A_hashtable_map_passes_through_unchanged()
    {
        var table = new Hashtable { ["db1"] = "x" };
        Assert.Same(table, Map.Transform(null!, table));
    }

    [Fact]
    public void The_map_reader_refuses_keys_that_are_not_strings()
    {
        var table = new Hashtable { [5] = "x" };
        Assert.False(DatabaseMapReader.TryRead(table, out _, out var error));
        Assert.Equal(RdsErrorIds.InvalidDatabaseMap, error!.Id);
        Assert.Same(table, error.TargetObject);
    }

    [Fact]
    public void The_map_reader_keeps_null_new_names_for_the_core_to_refuse()
    {
        var ordered = new OrderedDictionary { ["b"] = null, ["a"] = "x" };
        Assert.True(DatabaseMapReader.TryRead(ordered, out var pairs, out _));
        Assert.Equal(new[] { "b", "a" }, pairs!.Select(p => p.Key));
        Assert.Null(pairs![0].Value);
    }
}
