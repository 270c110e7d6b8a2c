using RdsRecovery.Journal;

namespace RdsRecovery.Core.Tests.Holes;

/// <summary>Issue 9 point 6: -Recent and the busy-target check match endpoints by meaning.</summary>
public class JournalEndpointTests
{
    [Theory]
    [InlineData("http://localhost:8443", "http://127.0.0.1:8443/")]
    [InlineData("http://[::1]:8443/", "http://127.0.0.1:8443")]
    [InlineData("https://RDS.ap-southeast-1.myhuaweicloud.com/", "https://rds.ap-southeast-1.myhuaweicloud.com")]
    [InlineData("https://rds.ap-southeast-1.myhuaweicloud.com:443", "https://rds.ap-southeast-1.myhuaweicloud.com/")]
    public void The_same_endpoint_written_differently_matches(string a, string b) => Assert.True(JournalEndpoint.Same(a, b));

    [Theory]
    [InlineData("http://127.0.0.1:8443", "http://127.0.0.1:8444")]
    [InlineData("http://127.0.0.1:8443", "https://127.0.0.1:8443")]
    [InlineData("https://rds.cn-north-4.myhuaweicloud.com", "https://rds.ap-southeast-1.myhuaweicloud.com")]
    public void Different_endpoints_do_not_match(string a, string b) => Assert.False(JournalEndpoint.Same(a, b));
}
