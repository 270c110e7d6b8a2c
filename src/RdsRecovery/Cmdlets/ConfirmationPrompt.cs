namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// The confirmation every cmdlet that changes something asks for: ShouldProcess with the exact body in its words. -Force skips the
/// prompt unless -Confirm was given; -WhatIf always wins. A host that cannot prompt ends the command with
/// ConfirmationUnavailable, nothing sent.
/// </summary>
internal static class ConfirmationPrompt
{
    /// <param name="what">Names the change in the refusal: "The restore " + what, unless <paramref name="action"/> says otherwise.</param>
    public static bool Ask(PSCmdlet cmdlet, bool force, string description, string query, string caption, object? target, string what,
        string action = "The restore")
    {
        if (force && !IsWhatIf(cmdlet) && !cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            cmdlet.WriteVerbose($"-Force: not asking. {description}");
            return true;
        }
        try
        {
            return cmdlet.ShouldProcess(description, query, caption);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            // The host cannot prompt: -NonInteractive, a runspace without a host, or standard input closed under
            // pwsh -File (the console host then fails inside its prompt). No later input can be confirmed either.
            cmdlet.ThrowTerminatingError(ErrorRecords.From(new RdsError(RdsErrorIds.ConfirmationUnavailable, $"{action} {what} needs confirmation, but this host cannot ask for it ({WhyNoPrompt(ex)}). Nothing was sent. " +
                "Pass -Confirm:$false or -Force to proceed, or -WhatIf to see what would be sent.", target, cause: ex)));
            return false;
        }
    }

    public static bool IsWhatIf(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? LanguagePrimitives.IsTrue(whatIf)
            : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

    // The host's own words when it refuses to prompt; a host that broke while prompting gets a plain reason instead.
    private static string WhyNoPrompt(Exception ex) => ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException
        ? ex.Message
        : "it failed while prompting: is standard input closed?";
}
