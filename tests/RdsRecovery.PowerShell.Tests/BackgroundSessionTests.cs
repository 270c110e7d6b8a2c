using System.Management.Automation.Runspaces;
using RdsRecovery.PowerShell.Session;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// A background job's runspace keeps per-runspace module state (the jobs it submitted); when it closes, that state
/// goes to the caller (for -JobId completion) and is dropped, so -AsJob jobs leave nothing behind in the process.
/// </summary>
public class BackgroundSessionTests
{
    [Fact]
    public void A_background_runspace_hands_its_jobs_to_the_caller_and_leaves_no_state()
    {
        using var background = RunspaceFactory.CreateRunspace();
        var caller = Guid.NewGuid();
        var saved = Runspace.DefaultRunspace;
        try
        {
            Runspace.DefaultRunspace = background;
            RdsSession.RememberJob("job-from-background");
        }
        finally
        {
            Runspace.DefaultRunspace = saved;
        }
        Assert.Equal(new[] { "job-from-background" }, RdsSession.SubmittedJobIdsOf(background.InstanceId));

        RdsSession.HandOver(background.InstanceId, caller);

        Assert.Empty(RdsSession.SubmittedJobIdsOf(background.InstanceId));
        Assert.Equal(new[] { "job-from-background" }, RdsSession.SubmittedJobIdsOf(caller));
    }

    [Fact]
    public void Handing_over_a_runspace_that_kept_nothing_does_nothing()
    {
        var nobody = Guid.NewGuid();
        RdsSession.HandOver(nobody, Guid.NewGuid());
        Assert.Empty(RdsSession.SubmittedJobIdsOf(nobody));
    }
}
