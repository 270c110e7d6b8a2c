using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Api;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Errors;

/// <summary>
/// Connect-RdsAccount's check read gives each id one category, whatever the answer behind it (it used to vary with
/// the cause); the answer itself is kept as the error's cause.
/// </summary>
public class ConnectionCheckCategoryTests
{
    private static RdsServiceException Failure(RdsErrorKind kind, int? status, string? code = null, string? message = null) =>
        new(kind, "GET", "/v3/p/instances?limit=1", status, code, message, "rq-1");

    [Theory]
    [InlineData(RdsErrorKind.Timeout)]
    [InlineData(RdsErrorKind.Transport)]
    public void No_answer_is_EndpointUnreachable_a_ConnectionError(RdsErrorKind kind)
    {
        var failure = Failure(kind, null);
        var result = RdsConnectionCheck.Judge(TestConnections.AkSk(), failure);
        Assert.Equal((RdsErrorIds.EndpointUnreachable, RdsErrorCategory.ConnectionError), (result.Error!.Id, result.Error.Category));
        Assert.Same(failure, result.Error.Cause);
    }

    [Theory]
    [InlineData(RdsErrorKind.ServerError, 503)]
    [InlineData(RdsErrorKind.Throttled, 429)]
    [InlineData(RdsErrorKind.Busy, 409)]
    public void Any_other_failure_is_ConnectionCheckFailed_ResourceUnavailable(RdsErrorKind kind, int status)
    {
        var result = RdsConnectionCheck.Judge(TestConnections.AkSk(), Failure(kind, status));
        Assert.Equal((RdsErrorIds.ConnectionCheckFailed, RdsErrorCategory.ResourceUnavailable), (result.Error!.Id, result.Error.Category));
    }

    [Theory]
    [InlineData(401, "APIGW.0101", "The project id does not match the token")]
    [InlineData(403, "DBS.200010", "Project is invalid")]
    public void A_refused_project_is_ProjectIdRejected_PermissionDenied_whether_401_or_403(int status, string code, string message)
    {
        var kind = status == 401 ? RdsErrorKind.Authentication : RdsErrorKind.PermissionDenied;
        var result = RdsConnectionCheck.Judge(TestConnections.AkSk(), Failure(kind, status, code, message));
        Assert.Equal((RdsErrorIds.ProjectIdRejected, RdsErrorCategory.PermissionDenied), (result.Error!.Id, result.Error.Category));
    }

    [Fact]
    public void Refused_credentials_stay_CredentialsRejected_an_AuthenticationError()
    {
        var result = RdsConnectionCheck.Judge(TestConnections.AkSk(), Failure(RdsErrorKind.Authentication, 401, "APIGW.0301", "Incorrect IAM authentication information"));
        Assert.Equal((RdsErrorIds.CredentialsRejected, RdsErrorCategory.AuthenticationError), (result.Error!.Id, result.Error.Category));
    }
}
