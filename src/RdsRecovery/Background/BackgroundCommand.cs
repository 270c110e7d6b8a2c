namespace RdsRecovery.PowerShell.Background;

/// <summary>
/// What an <see cref="RdsBackgroundJob"/> runs, as <see cref="BackgroundStart"/> settled it in the caller's session: the
/// command by name from the module as the caller imported it, in the caller's location, with the bound parameters and
/// the piped input (null when the command took none), and the runspace whose connection the job hands back to.
/// </summary>
internal sealed record BackgroundCommand(
    string Name, string ModulePath, string Location, IDictionary Parameters, IReadOnlyList<object>? Input, Guid CallerRunspace);
