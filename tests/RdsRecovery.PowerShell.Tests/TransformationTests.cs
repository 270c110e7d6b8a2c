using System.Collections;
using System.Runtime.CompilerServices;
using System.Collections.Specialized;
using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.PowerShell.Binding;

namespace RdsRecovery.PowerShell.Tests;

public class TransformationTests
{
    private static readonly RestoreTimeTransformationAttribute Time = new();
    private static readonly DatabaseMapTransformationAttribute Map = new();

    [Fact]
    public void A_refused_time_travels_inside_the_bound_value()
    {
        var bound = Assert.IsType<RestoreTimeArgument>(Time.Transform(null!, PSObject.AsPSObject("2026-01-01T10:00:00")));
        Assert.Null(bound.Time);
        Assert.False(bound.IsLatest);
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, bound.Refusal!.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, bound.Refusal.Category);
        Assert.Equal("2026-01-01T10:00:00", bound.Refusal.TargetObject);
    }

    [Fact]
    public void Refusals_of_two_values_do_not_mix()
    {
        var first = (RestoreTimeArgument)Time.Transform(null!, "2026-01-01")!;
        var second = (RestoreTimeArgument)Time.Transform(null!, 1.5)!;
        Assert.Equal(RdsErrorIds.InvalidRestoreTime, second.Refusal!.Id);
        Assert.Equal(RdsErrorIds.RestoreTimeNotUtc, first.Refusal!.Id);
    }

    [Fact]
    public void Accepted_times_are_plain_utc_values_without_a_refusal()
    {
        var bound = (RestoreTimeArgument)Time.Transform(null!, "2026-01-01T18:00:00+08:00")!;
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), bound.Time);
        Assert.Equal(TimeSpan.Zero, bound.Time!.Value.Offset);
        Assert.Null(bound.Refusal);
        Assert.False(bound.IsLatest);
    }

    [Theory]
    [InlineData("Latest")]
    [InlineData("latest")]
    [InlineData(" LATEST ")]
    public void Latest_in_any_case_is_the_latest_restorable_time_to_be_resolved(string given)
    {
        var bound = (RestoreTimeArgument)Time.Transform(null!, PSObject.AsPSObject(given))!;
        Assert.True(bound.IsLatest);
        Assert.Null(bound.Time);
        Assert.Null(bound.Refusal);
        Assert.Equal(given, bound.LatestAsGiven);
    }

    [Theory]
    [InlineData("Latest!")]
    [InlineData("last")]
    public void A_word_that_is_not_latest_is_refused_as_a_time(string given)
    {
        var bound = (RestoreTimeArgument)Time.Transform(null!, given)!;
        Assert.False(bound.IsLatest);
        Assert.NotNull(bound.Refusal);
    }

    [Fact]
    public void A_bound_value_passes_through_a_second_transformation_unchanged()
    {
        var bound = Time.Transform(null!, "Latest");
        Assert.Same(bound, Time.Transform(null!, bound));
        var map = Map.Transform(null!, new Hashtable { ["a"] = "b" });
        Assert.Same(map, Map.Transform(null!, map));
    }

    /// <summary>
    /// The leak of issue 12: refusals used to wait in a process-wide dictionary until redeemed, and those never redeemed
    /// (a parameter set that lost, a pipeline stopped) stayed forever. Now nothing outside the bound value refers to
    /// a refusal, so once the value is dropped the collector takes it.
    /// </summary>
    [Fact]
    public void A_refusal_that_is_never_processed_is_not_kept_by_the_module()
    {
        var references = RefuseManyAndDrop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.DoesNotContain(references, r => r.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> RefuseManyAndDrop()
    {
        var references = new List<WeakReference>();
        for (var i = 0; i < 100; i++)
        {
            var time = (RestoreTimeArgument)Time.Transform(null!, "2026-01-01T10:00:00")!;
            var map = (DatabaseMapArgument)Map.Transform(null!, 42)!;
            references.Add(new WeakReference(time.Refusal));
            references.Add(new WeakReference(map.Refusal));
        }
        return references;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_times_mean_not_given(string? raw) => Assert.Null(Time.Transform(null!, raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_maps_mean_not_given(string? raw) => Assert.Null(Map.Transform(null!, raw));

    [Theory]
    [InlineData(42, "not a map")]
    [InlineData("{\"hr_core\": ", "not a JSON object")]
    [InlineData("[\"hr_core\"]", "JSON array")]
    public void A_value_that_is_not_a_map_is_refused_inside_the_bound_value(object given, string problem)
    {
        var bound = Assert.IsType<DatabaseMapArgument>(Map.Transform(null!, given));
        Assert.Null(bound.Map);
        Assert.Equal(RdsErrorIds.InvalidDatabaseMap, bound.Refusal!.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, bound.Refusal.Category);
        Assert.Equal("DatabaseName", bound.Refusal.ParameterName);
        Assert.Same(given, bound.Refusal.TargetObject);
        Assert.Contains(problem, bound.Refusal.Message);
    }

    [Fact]
    public void A_json_object_map_becomes_an_ordered_dictionary_in_property_order()
    {
        var pso = new PSObject();
        pso.Properties.Add(new PSNoteProperty("zz", "new1"));
        pso.Properties.Add(new PSNoteProperty("aa", ""));
        var map = Assert.IsType<OrderedDictionary>(Assert.IsType<DatabaseMapArgument>(Map.Transform(null!, pso)).Map);
        Assert.Equal(new object[] { "zz", "aa" }, map.Keys.Cast<object>());
        Assert.Equal("new1", map["zz"]);
    }

    [Fact]
    public void A_hashtable_map_passes_through_unchanged()
    {
        var table = new Hashtable { ["db1"] = "x" };
        var bound = Assert.IsType<DatabaseMapArgument>(Map.Transform(null!, table));
        Assert.Same(table, bound.Map);
        Assert.Null(bound.Refusal);
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
