using System.Management.Automation;
using System.Security;
using RdsRecovery.PowerShell.Background;
using RdsRecovery.PowerShell.Binding;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// An -AsJob job's Command (what Get-Job shows) is the command and its plain parameter values, never the caller's
/// source line, which may hold a whole script and a secret typed into it.
/// </summary>
public class BackgroundCommandTextTests
{
    [Fact]
    public void Writes_plain_values_and_only_the_type_of_anything_else()
    {
        var secret = new SecureString();
        foreach (var c in "s3cr3t-value") secret.AppendChar(c);
        var bound = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["SourceInstanceId"] = "erp-prod",
            ["TargetInstanceId"] = new PSObject("erp staging"),
            ["RestoreTime"] = RestoreTimeArgument.Parse("2026-11-30T03:00:00Z")!,
            ["Timeout"] = TimeSpan.FromMinutes(5),
            ["JobId"] = new[] { "a1", "b2" },
            ["Force"] = new SwitchParameter(true),
            ["Confirm"] = new SwitchParameter(false),
            ["Credential"] = new PSCredential("ak", secret),
            ["AsJob"] = new SwitchParameter(true),
        };

        var text = BackgroundStart.CommandText("Restore-RdsInstance", bound);

        Assert.Equal("Restore-RdsInstance -SourceInstanceId erp-prod -TargetInstanceId 'erp staging' -RestoreTime 2026-11-30T03:00:00.000Z " +
            "-Timeout 00:05:00 -JobId a1,b2 -Force -Confirm:$false -Credential <PSCredential> -AsJob", text);
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
    }
}
