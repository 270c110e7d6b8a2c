namespace RdsRecovery.PowerShell.Commands;

/// <summary>Clears the session's default connection. Connection objects held in variables keep working.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "RdsAccount")]
[OutputType(typeof(void))]
public sealed class DisconnectRdsAccountCommand : RdsCmdlet
{
    protected override void ProcessInput()
    {
        if (RdsSession.DefaultConnection is null) WriteVerbose("There was no default connection.");
        RdsSession.DefaultConnection = null;
    }
}
