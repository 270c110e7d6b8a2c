using System.Text;
using System.Text.Json;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Model;

public class RestoreRequestJsonTests
{
    private static readonly IClock Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeMilliseconds(1532001446987);

    private static KeyValuePair<string, string?>[] SpecMap() =>
        new[] { new KeyValuePair<string, string?>("db1", "dbtest1"), new KeyValuePair<string, string?>("db2", "") };

    // The four request examples of the seed spec, each with the model call that must produce it.
    public static TheoryData<string, string> SpecExamples => new()
    {
        {
            "backup-mysql",
            """{"source": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01", "type": "backup", "backup_id": "2f4ddb93-b901-4b08-93d8-1d2e472f30fe"}, "target": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01"}}"""
        },
        {
            "backup-sqlserver",
            """{"source": {"instance_id": "61879e6085bc44d1831b0ce62d988fd9in04", "type": "backup", "backup_id": "b021670e69ba4538b7b2ed07257306aebr04", "database_name": {"db1": "dbtest1", "db2": ""}}, "target": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin04"}}"""
        },
        {
            "time-mysql",
            """{"source": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01", "type": "timestamp", "restore_time": 1532001446987}, "target": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01"}}"""
        },
        {
            "time-sqlserver",
            """{"source": {"instance_id": "61879e6085bc44d1831b0ce62d988fd9in04", "type": "timestamp", "restore_time": 1532001446987, "database_name": {"db1": "dbtest1", "db2": ""}}, "target": {"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin04"}}"""
        },
    };

    private static RestoreRequest Build(string example) => example switch
    {
        "backup-mysql" => RestoreRequest.ForBackup("d8e6ca5a624745bcb546a227aa3ae1cfin01", "d8e6ca5a624745bcb546a227aa3ae1cfin01", "2f4ddb93-b901-4b08-93d8-1d2e472f30fe"),
        "backup-sqlserver" => RestoreRequest.ForBackup("61879e6085bc44d1831b0ce62d988fd9in04", "d8e6ca5a624745bcb546a227aa3ae1cfin04", "b021670e69ba4538b7b2ed07257306aebr04", SpecMap()),
        "time-mysql" => RestoreRequest.ForPointInTime("d8e6ca5a624745bcb546a227aa3ae1cfin01", "d8e6ca5a624745bcb546a227aa3ae1cfin01", SpecTime, null, Clock),
        "time-sqlserver" => RestoreRequest.ForPointInTime("61879e6085bc44d1831b0ce62d988fd9in04", "d8e6ca5a624745bcb546a227aa3ae1cfin04", SpecTime, SpecMap(), Clock),
        _ => throw new ArgumentException(example),
    };

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void Spec_examples_come_out_semantically_equal(string example, string expected)
    {
        JsonAssert.Equivalent(expected, Build(example).ToJson());
    }

    [Fact]
    public void Backup_body_is_compact_and_in_spec_order_byte_for_byte()
    {
        var request = RestoreRequest.ForBackup("src", "tgt", "bk");
        Assert.Equal("""{"source":{"instance_id":"src","type":"backup","backup_id":"bk"},"target":{"instance_id":"tgt"}}""", request.ToJson());
    }

    [Fact]
    public void Point_in_time_body_with_map_keeps_field_order_and_map_order()
    {
        var map = new[] { new KeyValuePair<string, string?>("zeta", "z2"), new KeyValuePair<string, string?>("alpha", "") };
        var request = RestoreRequest.ForPointInTime("s", "t", SpecTime, map, Clock);
        Assert.Equal("""{"source":{"instance_id":"s","type":"timestamp","restore_time":1532001446987,"database_name":{"zeta":"z2","alpha":""}},"target":{"instance_id":"t"}}""", request.ToJson());
    }

    [Fact]
    public void Restore_time_is_an_integer_of_utc_milliseconds_whatever_the_offset_given()
    {
        var shanghai = new DateTimeOffset(2018, 7, 19, 19, 57, 26, 987, TimeSpan.FromHours(8));
        var request = RestoreRequest.ForPointInTime("s", "t", shanghai, null, Clock);
        using var doc = JsonDocument.Parse(request.ToJson());
        var time = doc.RootElement.GetProperty("source").GetProperty("restore_time");
        Assert.Equal(JsonValueKind.Number, time.ValueKind);
        Assert.Equal(1532001446987L, time.GetInt64());
        Assert.Equal(TimeSpan.Zero, request.RestoreTime!.Value.Offset);
    }

    [Fact]
    public void Finer_than_millisecond_ticks_are_dropped_so_the_request_shows_what_is_sent()
    {
        var request = RestoreRequest.ForPointInTime("s", "t", SpecTime.AddTicks(9999), null, Clock);
        Assert.Equal(SpecTime, request.RestoreTime);
        Assert.Equal(1532001446987L, request.RestoreTimeUnixMilliseconds);
    }

    [Fact]
    public void Optional_fields_are_left_out_never_null()
    {
        var backup = RestoreRequest.ForBackup("s", "t", "b").ToJson();
        var time = RestoreRequest.ForPointInTime("s", "t", SpecTime, null, Clock).ToJson();
        Assert.DoesNotContain("null", backup);
        Assert.DoesNotContain("restore_time", backup);
        Assert.DoesNotContain("database_name", backup);
        Assert.DoesNotContain("backup_id", time);
        Assert.DoesNotContain("database_name", time);
        Assert.DoesNotContain("null", time);
    }

    [Fact]
    public void Type_is_always_sent()
    {
        using var b = JsonDocument.Parse(RestoreRequest.ForBackup("s", "t", "b").ToJson());
        using var t = JsonDocument.Parse(RestoreRequest.ForPointInTime("s", "t", SpecTime, null, Clock).ToJson());
        Assert.Equal("backup", b.RootElement.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal("timestamp", t.RootElement.GetProperty("source").GetProperty("type").GetString());
    }

    [Fact]
    public void Non_ascii_old_names_are_escaped_to_ascii_and_read_back_unchanged()
    {
        var map = new[] { new KeyValuePair<string, string?>("销售库", "sales"), new KeyValuePair<string, string?>("a\"b", "") };
        var json = RestoreRequest.ForBackup("s", "t", "b", map).ToJson();
        Assert.All(json, c => Assert.True(c < 0x80));
        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.GetProperty("source").GetProperty("database_name").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "销售库", "a\"b" }, names);
    }

    [Fact]
    public void Bytes_are_the_utf8_of_the_text()
    {
        var request = RestoreRequest.ForPointInTime("s", "t", SpecTime, SpecMap(), Clock);
        Assert.Equal(Encoding.UTF8.GetBytes(request.ToJson()), request.ToJsonBytes());
    }
}
