using System.Reflection;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// PowerShell still turns every warning of a compiled cmdlet into a prompt ("Continue with this operation?") when
/// -Debug is given, although -Debug now only shows debug lines. Our warnings are statements, never questions, and a
/// host that cannot prompt (-NonInteractive, a runbook with standard input closed) failed on the first one. With
/// -Debug and no -WarningAction, warnings follow $WarningPreference as they would without -Debug.
/// </summary>
internal static class DebugKeepsWarningsAsWarnings
{
    // The runtime's warning policy is not public; the common parameter -WarningAction sets the same property.
    private static readonly Lazy<PropertyInfo?> WarningPolicy = new(() =>
        typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.MshCommandRuntime")
            ?.GetProperty("WarningPreference", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public));

    public static void Apply(PSCmdlet cmdlet)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        if (!bound.TryGetValue("Debug", out var debug) || !LanguagePrimitives.IsTrue(debug) || bound.ContainsKey("WarningAction")) return;
        var property = WarningPolicy.Value;
        if (property is null || !property.DeclaringType!.IsInstanceOfType(cmdlet.CommandRuntime)) return;
        if (property.CanWrite) property.SetValue(cmdlet.CommandRuntime, Preference(cmdlet));
    }

    private static ActionPreference Preference(PSCmdlet cmdlet)
    {
        try
        {
            return (ActionPreference)LanguagePrimitives.ConvertTo(cmdlet.GetVariableValue("WarningPreference", ActionPreference.Continue), typeof(ActionPreference), CultureInfo.InvariantCulture);
        }
        catch (PSInvalidCastException)
        {
            return ActionPreference.Continue;
        }
    }
}
