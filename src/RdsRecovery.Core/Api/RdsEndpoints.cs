using System.Net;
using System.Text.RegularExpressions;
using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>Region to RDS endpoint, as the Huawei Cloud SDKs resolve it (api-facts.md §4).</summary>
public static class RdsEndpoints
{
    /// <summary>The regions the SDKs know, for tab completion. Other regions still resolve by the pattern.</summary>
    public static IReadOnlyList<string> KnownRegions { get; } = new[]
    {
        "af-north-1", "af-south-1", "ae-ad-1",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5",
        "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12",
        "cn-south-1", "cn-south-2", "cn-south-4", "cn-southwest-2", "cn-southwest-3",
        "eu-west-0", "eu-west-101", "la-north-2", "la-south-2", "me-east-1", "my-kualalumpur-1",
        "na-mexico-1", "ru-moscow-1", "ru-northwest-2", "sa-brazil-1", "tr-west-1",
    };

    private static readonly Regex ApiVersionSuffix = new("(/v3(\\.1)?)+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex ApiPathInside = new("/v3(\\.1)?(/|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex RegionPattern = new("^[a-z]{2}(-[a-z0-9]+)+$", RegexOptions.CultureInvariant);

    public static bool IsValidRegionName(string region) => RegionPattern.IsMatch(region);

    /// <summary>The name of the variable that overrides a region's endpoint, e.g. HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4.</summary>
    public static string OverrideVariableName(string region) =>
        RdsEnvironmentVariables.RdsEndpointPrefix + region.ToUpperInvariant().Replace('-', '_');

    /// <summary>The built-in endpoint of a region: https://rds.{region}.myhuaweicloud.com, eu-west-101 on .eu.</summary>
    public static Uri ForRegion(string region)
    {
        if (!IsValidRegionName(region))
            throw new RdsException(new RdsError(RdsErrorIds.InvalidRegion, $"'{region}' is not a region name (for example ap-southeast-1)."));
        return region == "eu-west-101"
            ? new Uri("https://rds.eu-west-101.myhuaweicloud.eu")
            : new Uri($"https://rds.{region}.myhuaweicloud.com");
    }

    /// <summary>
    /// Resolves the endpoint: an explicit base URI wins; then the region's override variable (first of a
    /// comma-separated list); then the built-in pattern.
    /// </summary>
    public static Uri Resolve(string? region, Uri? explicitEndpoint, RdsEnvironment env)
    {
        if (explicitEndpoint is not null) return Validate(explicitEndpoint);
        if (string.IsNullOrEmpty(region))
            throw new RdsException(new RdsError(RdsErrorIds.RegionOrEndpointRequired,
                $"Name a region (-Region, or the variable {RdsEnvironmentVariables.Region}) or an endpoint (-Endpoint)."));
        if (!IsValidRegionName(region!))
            throw new RdsException(new RdsError(RdsErrorIds.InvalidRegion, $"'{region}' is not a region name (for example ap-southeast-1)."));
        var overrideValue = env.Variable(OverrideVariableName(region!));
        if (overrideValue is not null)
        {
            var first = overrideValue.Split(',')[0].Trim();
            if (!first.Contains("://")) first = "https://" + first;
            if (!Uri.TryCreate(first, UriKind.Absolute, out var uri))
                throw new RdsException(new RdsError(RdsErrorIds.InvalidEndpoint,
                    $"The variable {OverrideVariableName(region!)} holds no valid URI."));
            return Validate(uri);
        }
        return ForRegion(region!);
    }

    /// <summary>
    /// Requires https, except plain http to a loopback address (the local emulator); no query, no credentials.
    /// An API version at the end of the path (…/v3, …/v3.1, as copied from an API reference) is dropped: the
    /// client adds it, and keeping it would send /v3/v3/…
    /// </summary>
    public static Uri Validate(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new RdsException(new RdsError(RdsErrorIds.InvalidEndpoint, $"The endpoint '{endpoint}' must be an absolute http(s) URI."));
        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment) || !string.IsNullOrEmpty(endpoint.UserInfo))
            throw new RdsException(new RdsError(RdsErrorIds.InvalidEndpoint,
                "The endpoint must be a base URI without query, fragment or user information."));
        if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
            throw new RdsException(new RdsError(RdsErrorIds.InsecureEndpoint,
                $"The endpoint '{endpoint}' uses plain http; only a loopback address (the local emulator) may. Use https."));
        var text = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var apiPath = ApiVersionSuffix.Match(text);
        if (apiPath.Success) text = text.Substring(0, apiPath.Index);
        if (ApiPathInside.IsMatch(new Uri(text).AbsolutePath))
            throw new RdsException(new RdsError(RdsErrorIds.InvalidEndpoint,
                $"The endpoint '{endpoint}' holds an API path (/v3/...). Give the service's base URI only, for example {endpoint.GetLeftPart(UriPartial.Authority)}; the module adds /v3/{{project_id}}/... itself."));
        return new Uri(text);
    }

    private static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback) return true;
        var host = uri.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
