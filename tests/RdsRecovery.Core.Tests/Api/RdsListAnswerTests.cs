using RdsRecovery.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Api;

public class RdsListAnswerTests
{
    [Theory]
    [InlineData("{\"total_count\":0}")]
    [InlineData("{\"items\":[],\"total_count\":0}")]
    public async Task An_answer_without_its_list_is_an_invalid_response_not_an_empty_list(string body)
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body));

        var ex = await Assert.ThrowsAsync<RdsServiceException>(() => client.ListInstancesAsync());

        Assert.Equal(RdsErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(RdsErrorIds.RdsInvalidResponse, ex.ErrorId);
        Assert.Contains("'instances'", ex.Message);
    }

    [Theory]
    [InlineData("{\"instances\":[],\"total_count\":0}")]
    [InlineData("{\"instances\":null,\"total_count\":0}")]
    public async Task An_empty_or_null_list_is_an_empty_answer(string body)
    {
        var (client, _, _) = TestConnections.Client(_ => FakeRdsHandler.Json(body));

        Assert.Empty(await client.ListInstancesAsync());
    }
}
