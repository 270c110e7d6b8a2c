using System.Collections;
using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Binding;

namespace RdsRecovery.PowerShell.Tests;

public class InstanceObjectReaderTests
{
    private static PSObject FromJson(string json)
    {
        using var host = new PowerShellHost();
        var result = host.Run($"'{json.Replace("'", "''")}' | ConvertFrom-Json");
        return PSObject.AsPSObject(Assert.Single(result.Output)!);
    }

    private static RdsError Refused(object? input)
    {
        Assert.False(InstanceObjectReader.TryRead(input, "source", "SourceInstance", out var instance, out var error));
        Assert.Null(instance);
        Assert.Equal(RdsErrorIds.InvalidInstanceObject, error!.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Same(input, error.TargetObject);
        return error;
    }

    [Fact]
    public void A_list_instances_element_from_ConvertFrom_Json_is_read_with_every_field()
    {
        var pso = FromJson("""
            {"id":"i1","name":"orders","status":"ACTIVE","type":"Ha","region":"cn-north-4","time_zone":"UTC+08:00","port":3306,
             "datastore":{"type":"MySQL","version":"5.7","complete_version":"5.7.31"},"volume":{"type":"CLOUDSSD","size":200}}
            """);
        Assert.True(InstanceObjectReader.TryRead(pso, "source", "SourceInstance", out var i, out _));
        Assert.Equal(("i1", "orders", "ACTIVE", "Ha", "cn-north-4", "UTC+08:00", 3306), (i!.Id, i.Name, i.Status, i.Type, i.Region!, i.TimeZone!, i.Port!.Value));
        Assert.Equal(("MySQL", "5.7", "5.7.31", "CLOUDSSD", 200), (i.Engine, i.EngineVersion, i.CompleteVersion!, i.VolumeType!, i.VolumeSizeGB));
    }

    [Fact]
    public void Our_own_instances_pass_through_unchanged()
    {
        var mine = new RdsInstance { Id = "x", Engine = "MySQL" };
        Assert.True(InstanceObjectReader.TryRead(PSObject.AsPSObject(mine), "source", "SourceInstance", out var i, out _));
        Assert.Same(mine, i);
    }

    [Fact]
    public void A_hashtable_with_our_property_names_is_read()
    {
        var table = new Hashtable { ["Id"] = "h1", ["Engine"] = "SQLServer", ["EngineVersion"] = "2014_SE", ["VolumeSizeGB"] = "80", ["Region"] = "eu-de" };
        Assert.True(InstanceObjectReader.TryRead(table, "target", "TargetInstance", out var i, out _));
        Assert.Equal(("h1", "SQLServer", "2014_SE", 80, "eu-de"), (i!.Id, i.Engine, i.EngineVersion, i.VolumeSizeGB, i.Region!));
    }

    [Fact]
    public void A_volume_size_given_as_a_whole_double_is_accepted()
    {
        var table = new Hashtable { ["id"] = "h1", ["datastore"] = new Hashtable { ["type"] = "MySQL" }, ["volume"] = new Hashtable { ["size"] = 40.0 } };
        Assert.True(InstanceObjectReader.TryRead(table, "target", "TargetInstance", out var i, out _));
        Assert.Equal(40, i!.VolumeSizeGB);
    }

    [Fact]
    public void A_string_is_refused_with_a_hint()
    {
        Assert.Contains("A string is not an instance", Refused("i1").Message);
    }

    [Fact]
    public void Null_and_numbers_are_refused()
    {
        Refused(null);
        Refused(42);
    }

    [Fact]
    public void An_object_without_id_is_refused()
    {
        Assert.Contains("no 'id'", Refused(new Hashtable { ["datastore"] = new Hashtable { ["type"] = "MySQL" } }).Message);
    }

    [Fact]
    public void An_object_without_engine_is_refused()
    {
        Assert.Contains("no engine", Refused(new Hashtable { ["id"] = "i1" }).Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(100.5)]
    public void A_volume_size_that_is_not_a_whole_number_is_refused(object size)
    {
        var table = new Hashtable { ["id"] = "i1", ["datastore"] = new Hashtable { ["type"] = "MySQL" }, ["volume"] = new Hashtable { ["size"] = size } };
        Assert.Contains("volume.size", Refused(table).Message);
    }

    [Fact]
    public void A_structured_value_where_text_is_expected_is_refused()
    {
        var table = new Hashtable { ["id"] = new Hashtable { ["x"] = 1 }, ["datastore"] = new Hashtable { ["type"] = "MySQL" } };
        Assert.Contains("'id'", Refused(table).Message);
    }
}
