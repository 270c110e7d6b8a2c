using RdsRecovery.Api;
using RdsRecovery.Core.Tests.Auth;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Api;

public class RdsEndpointTests
{
    [Theory]
    [InlineData("ap-southeast-1", "https://rds.ap-southeast-1.myhuaweicloud.com/")]
    [InlineData("cn-north-4", "https://rds.cn-north-4.myhuaweicloud.com/")]
    [InlineData("eu-west-101", "https://rds.eu-west-101.myhuaweicloud.eu/")]
    [InlineData("xx-new-9", "https://rds.xx-new-9.myhuaweicloud.com/")]
    public void Region_maps_to_the_sdk_host(string region, string expected) =>
        Assert.Equal(expected, RdsEndpoints.Resolve(region, null, new TestEnvironment().Build()).AbsoluteUri);

    [Fact]
    public void Known_regions_are_listed_for_completion()
    {
        Assert.Contains("eu-west-101", RdsEndpoints.KnownRegions);
        Assert.Contains("ap-southeast-1", RdsEndpoints.KnownRegions);
        Assert.Contains("my-kualalumpur-1", RdsEndpoints.KnownRegions);
        Assert.Equal(RdsEndpoints.KnownRegions.Count, RdsEndpoints.KnownRegions.Distinct().Count());
        Assert.All(RdsEndpoints.KnownRegions, r => Assert.True(RdsEndpoints.IsValidRegionName(r)));
    }

    [Fact]
    public void Environment_override_wins_over_the_pattern()
    {
        var env = new TestEnvironment();
        env.Variables["HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4"] = "https://rds.internal.example:8443/, https://second.example";
        Assert.Equal("HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4", RdsEndpoints.OverrideVariableName("cn-north-4"));
        Assert.Equal("https://rds.internal.example:8443/", RdsEndpoints.Resolve("cn-north-4", null, env.Build()).AbsoluteUri);
    }

    [Fact]
    public void Explicit_endpoint_wins_while_the_region_is_still_named()
    {
        var env = new TestEnvironment();
        env.Variables["HUAWEICLOUD_SDK_REGION_RDS_EU_DE"] = "https://ignored.example";
        Assert.Equal("https://rds.eu-de.otc.t-systems.com/", RdsEndpoints.Resolve("eu-de", new Uri("https://rds.eu-de.otc.t-systems.com/"), env.Build()).AbsoluteUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://private.cloud.example/rds")]
    public void Loopback_http_and_any_https_are_accepted(string uri) => RdsEndpoints.Validate(new Uri(uri));

    [Theory]
    [InlineData("http://rds.example.com", "InsecureEndpoint")]
    [InlineData("http://10.0.0.5:5080", "InsecureEndpoint")]
    [InlineData("ftp://rds.example.com", "InvalidEndpoint")]
    [InlineData("https://rds.example.com/?x=1", "InvalidEndpoint")]
    [InlineData("https://user:pw@rds.example.com", "InvalidEndpoint")]
    public void Other_endpoints_are_refused(string uri, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<RdsException>(() => RdsEndpoints.Validate(new Uri(uri))).ErrorId);

    [Theory]
    [InlineData("Cn-North-4")]
    [InlineData("cn_north_4")]
    [InlineData("rds.evil.com/x")]
    public void Malformed_regions_are_refused(string region) =>
        Assert.Equal(RdsErrorIds.InvalidRegion, Assert.Throws<RdsException>(() => RdsEndpoints.Resolve(region, null, new TestEnvironment().Build())).ErrorId);
}
