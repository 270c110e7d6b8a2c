using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Validation;

public class IdentifierTests
{
    private static readonly IClock Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> ValidIds => new()
    {
        "a", "bk04", "my-job", "A_b-9", "d8e6ca5a624745bcb546a227aa3ae1cfin01", "2f4ddb93-b901-4b08-93d8-1d2e472f30fe",
        new string('x', 64), "-", "_",
    };

    public static TheoryData<string?> InvalidIds => new()
    {
        null, "", " ", "   ", "a b", " a", "a ", "a/b", "a\\b", "a.b", "..", "a%2Fb", "a:b", "a?b", "a#b", "a\tb", "a\nb", "a\0b",
        "\u007f", "é", "ａ", "İd", "a\u200bb", new string('x', 65), new string('x', 1000),
    };

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void Valid_ids_pass_as_source_target_and_backup(string id)
    {
        Assert.True(IdentifierRules.IsValid(id));
        Assert.True(RestoreRequest.TryCreate(id, id, id, null, null, Clock, out _, out var errors));
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void Invalid_source_id_is_refused_with_InvalidInstanceId(string? id)
    {
        Assert.False(IdentifierRules.IsValid(id));
        Assert.False(RestoreRequest.TryCreate(id, "tgt", "bk", null, null, Clock, out var request, out var errors));
        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.InvalidInstanceId, error.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(id, error.TargetObject);
        Assert.Equal("SourceInstanceId", error.ParameterName);
        Assert.Contains("source instance id", error.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void Invalid_target_id_is_refused_with_InvalidInstanceId(string? id)
    {
        Assert.False(RestoreRequest.TryCreate("src", id, "bk", null, null, Clock, out _, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.InvalidInstanceId, error.Id);
        Assert.Equal("TargetInstanceId", error.ParameterName);
    }

    // A null backup id means "no backup" (a time restore), refused for another reason: leave it out here.
    public static TheoryData<string> InvalidBackupIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in InvalidIds) if (id is not null) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidBackupIds))]
    public void Invalid_backup_id_is_refused_with_InvalidBackupId(string id)
    {
        Assert.False(RestoreRequest.TryCreate("src", "tgt", id, null, null, Clock, out _, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(RdsErrorIds.InvalidBackupId, error.Id);
        Assert.Equal(RdsErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(id, error.TargetObject);
    }

    [Fact]
    public void A_blank_target_is_never_defaulted_and_the_message_says_how_to_restore_in_place()
    {
        Assert.False(RestoreRequest.TryCreate("src", "", "bk", null, null, Clock, out _, out var errors));
        Assert.Contains("give the source id as the target too", errors[0].Message);
    }

    [Fact]
    public void Messages_show_control_characters_as_escapes()
    {
        Assert.False(RestoreRequest.TryCreate("a\nb", "t", "bk", null, null, Clock, out _, out var errors));
        Assert.Contains("\\u000A", errors[0].Message);
        Assert.DoesNotContain("\n", errors[0].Message);
    }

    [Fact]
    public void Length_limit_is_named_in_the_message()
    {
        Assert.False(RestoreRequest.TryCreate(new string('x', 65), "t", "bk", null, null, Clock, out _, out var errors));
        Assert.Contains("65 characters", errors[0].Message);
        Assert.Contains("64", errors[0].Message);
    }
}
