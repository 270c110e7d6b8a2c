namespace RdsRecovery.PowerShell.Commands;

/// <summary>The session's default connection (region, endpoint, project, authentication kind; never a secret), or nothing.</summary>
[Cmdlet(VerbsCommon.Get, "RdsConnection")]
[OutputType(typeof(RdsConnection))]
public sealed class GetRdsConnectionCommand : RdsCmdlet
{
    protected override void ProcessInput()
    {
        var connection = RdsSession.DefaultConnection;
        if (connection is null) WriteVerbose("This session has no default connection; Connect-RdsAccount sets one.");
        else WriteObject(connection);
    }
}
