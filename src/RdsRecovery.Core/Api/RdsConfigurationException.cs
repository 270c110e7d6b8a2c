using System;

namespace RdsRecovery.Api;

/// <summary>Credentials, project, region or endpoint could not be resolved or are unusable.</summary>
public sealed class RdsConfigurationException : RdsException
{
    public RdsConfigurationException(string errorId, string message, Exception? inner = null)
        : base(errorId, RdsErrorKind.Configuration, message, inner)
    {
    }
}
