namespace RdsRecovery.Auth;

/// <summary>How requests are authenticated: signed with an access key pair, or with an IAM token.</summary>
public enum RdsAuthenticationType
{
    AkSk,
    Token,
}
