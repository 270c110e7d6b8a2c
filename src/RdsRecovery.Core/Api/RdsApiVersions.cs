using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>The restore API versions as users write them ("v3", "v3.1") and where their requests go.</summary>
public static class RdsApiVersions
{
    public const string V3 = "v3";
    public const string V31 = "v3.1";

    public static string Name(RdsRestoreApiVersion version) => version == RdsRestoreApiVersion.V31 ? V31 : V3;

    /// <summary>The restore path, with {project_id} left as a placeholder (for -WhatIf and messages).</summary>
    public static string RestorePath(RdsRestoreApiVersion version) => $"POST /{Name(version)}/{{project_id}}/instances/recovery";

    /// <summary>"v3", "v3.1" (also "3", "3.1", "V31"), case-insensitively; null when the text is none of them.</summary>
    public static RdsRestoreApiVersion? Parse(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        return t switch
        {
            "v3" or "3" => RdsRestoreApiVersion.V3,
            "v3.1" or "3.1" or "v31" => RdsRestoreApiVersion.V31,
            _ => null,
        };
    }

    /// <summary>The explicit version, else RDSRECOVERY_API_VERSION, else v3. A variable holding no known version is a configuration error.</summary>
    public static RdsRestoreApiVersion Resolve(RdsRestoreApiVersion? explicitVersion, RdsEnvironment? environment = null)
    {
        if (explicitVersion is { } given) return given;
        var text = (environment ?? RdsEnvironment.System).Variable(RdsEnvironmentVariables.ApiVersion);
        if (text is null) return RdsRestoreApiVersion.V3;
        return Parse(text) ?? throw new RdsException(new RdsError(RdsErrorIds.InvalidApiVersion,
            $"{RdsEnvironmentVariables.ApiVersion} is '{text}', which is not an API version: set it to {V3} or {V31}, or remove it (the default is {V3})."));
    }
}
