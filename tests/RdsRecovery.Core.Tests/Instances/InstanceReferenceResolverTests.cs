using RdsRecovery.Errors;
using RdsRecovery.Instances;
using RdsRecovery.Model;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Instances;

public sealed class InstanceReferenceResolverTests
{
    private const string ProdId = "7b63b40ca1c07d188407e3c64ee772bdin01";
    private const string StagingId = "4914c00a2e0baf9b9ca17102de91cf21in01";
    private const string ReportingId = "ef7c0f00806208aa18e590781cd7ed6din01";

    private int _reads;

    private InstanceReferenceResolver Online(params RdsInstance[] instances) => new(_ =>
    {
        _reads++;
        return Task.FromResult<IReadOnlyList<RdsInstance>>(instances);
    });

    private static RdsInstance Instance(string id, string name) => new() { Id = id, Name = name, Engine = "MySQL" };

    private static async Task<RdsError> Refusal(Task<string> resolving) =>
        (await Assert.ThrowsAsync<RdsValidationException>(() => resolving)).Error;

    [Fact]
    public async Task A_name_resolves_to_its_id_and_the_list_is_read_once_for_many_values()
    {
        var resolver = Online(Instance(ProdId, "erp-prod"), Instance(StagingId, "erp-staging"));

        Assert.Equal(ProdId, await resolver.ResolveAsync("erp-prod", "source", "SourceInstanceId", default));
        Assert.Equal(StagingId, await resolver.ResolveAsync("erp-staging", "target", "TargetInstanceId", default));
        Assert.Equal(StagingId, await resolver.ResolveAsync("erp-staging", "target", "TargetInstanceId", default));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task A_value_in_the_service_id_form_needs_no_list_read()
    {
        var resolver = Online(Instance(ProdId, "erp-prod"));
        Assert.Equal(StagingId, await resolver.ResolveAsync(StagingId, "target", "TargetInstanceId", default));
        Assert.Equal(0, _reads);
    }

    [Fact]
    public async Task A_name_two_instances_share_is_refused_listing_both_ids()
    {
        var resolver = Online(Instance(StagingId, "erp-staging"), Instance(ReportingId, "erp-staging"));
        var error = await Refusal(resolver.ResolveAsync("erp-staging", "target", "TargetInstanceId", default));
        Assert.Equal(RdsErrorIds.InstanceNameAmbiguous, error.Id);
        Assert.Contains(StagingId, error.Message);
        Assert.Contains(ReportingId, error.Message);
        Assert.Equal("TargetInstanceId", error.ParameterName);
    }

    [Fact]
    public async Task An_id_wins_over_a_name_that_happens_to_equal_it()
    {
        var resolver = Online(Instance("erp-prod", "other"), Instance(StagingId, "erp-prod"));
        Assert.Equal("erp-prod", await resolver.ResolveAsync("erp-prod", "source", "SourceInstanceId", default));
    }

    [Fact]
    public async Task A_name_only_value_that_matches_nothing_is_InstanceNotFound_with_a_case_hint()
    {
        var resolver = Online(Instance(ProdId, "Erp.Prod"));
        var error = await Refusal(resolver.ResolveAsync("erp.prod", "source", "SourceInstanceId", default));
        Assert.Equal(RdsErrorIds.InstanceNotFound, error.Id);
        Assert.Equal(RdsErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("'Erp.Prod'", error.Message);
    }

    [Fact]
    public async Task An_id_shaped_value_the_list_does_not_show_is_left_to_the_service()
    {
        var resolver = Online(Instance(ProdId, "erp-prod"));
        Assert.Equal("sq04", await resolver.ResolveAsync("sq04", "source", "SourceInstanceId", default));
    }

    [Theory]
    [InlineData("erp prod")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".hidden")]
    public async Task A_value_neither_id_nor_name_is_refused_without_reading_anything(string value)
    {
        var resolver = Online(Instance(ProdId, "erp-prod"));
        var error = await Refusal(resolver.ResolveAsync(value, "source", "SourceInstanceId", default));
        Assert.Equal(RdsErrorIds.InvalidInstanceId, error.Id);
        Assert.Equal(0, _reads);
    }

    [Fact]
    public async Task Offline_ids_pass_and_a_value_that_can_only_be_a_name_is_InstanceNameUnresolved()
    {
        var resolver = InstanceReferenceResolver.Offline();
        Assert.Equal("my-job", await resolver.ResolveAsync("my-job", "source", "SourceInstanceId", default));
        var error = await Refusal(resolver.ResolveAsync("erp.prod", "source", "SourceInstanceId", default));
        Assert.Equal(RdsErrorIds.InstanceNameUnresolved, error.Id);
    }

    [Theory]
    [InlineData("erp-prod", true)]
    [InlineData("订单数据库", true)]
    [InlineData("db.v2_x", true)]
    [InlineData("1abc", false)]
    [InlineData("a b", false)]
    [InlineData("a.b", false)]
    [InlineData("ínstance01", false)]
    [InlineData("ｉｎ０１ab", false)]
    public void Names_start_with_a_letter_and_hold_letters_digits_and_dash_underscore_dot(string value, bool valid) =>
        Assert.Equal(valid, InstanceNameRules.IsValidName(value));
}
