using System.Text;
using System.Management.Automation.Runspaces;

namespace RdsRecovery.PowerShell.Background;

/// <summary>
/// The -AsJob half of a cmdlet: at BeginProcessing it decides whether the command may run as a job, it collects what
/// was piped in, and at EndProcessing it starts one <see cref="RdsBackgroundJob"/> running the same command with the
/// same parameters and input, and writes the job. Restore-RdsInstance and Wait-RdsRestoreJob use it; another
/// cmdlet would the same way: add -AsJob, call <see cref="Begin"/>, <see cref="Add"/> per
/// input and <see cref="Start"/> at the end.
/// </summary>
internal sealed class BackgroundStart
{
    /// <summary>The parameter every -AsJob cmdlet declares.</summary>
    public const string AsJobParameter = "AsJob";

    // Parameters that name variables or buffers of the caller's session: meaningless in the job's runspace.
    private static readonly string[] CallerOnly =
        { AsJobParameter, "OutVariable", "OutBuffer", "ErrorVariable", "WarningVariable", "InformationVariable", "PipelineVariable" };

    private readonly PSCmdlet _cmdlet;
    private readonly Dictionary<string, object?> _parameters;
    private readonly List<object>? _input;

    private BackgroundStart(PSCmdlet cmdlet, Dictionary<string, object?> parameters, bool pipelineInput)
    {
        _cmdlet = cmdlet;
        _parameters = parameters;
        _input = pipelineInput ? new List<object>() : null;
    }

    /// <summary>
    /// Null when the command runs in the foreground (no -AsJob, or -WhatIf: a preview sends nothing and is shown here).
    /// Otherwise the command's parameters as given on the command line, with the connection in force made explicit
    /// (the job's runspace has no session default). A ShouldProcess command that would have to prompt is refused with
    /// the terminating AsJobNeedsConfirmation: a job has no one to ask.
    /// </summary>
    /// <param name="connection">The connection in force (NotConnected, terminating, when there is none).</param>
    /// <param name="force">The command's -Force, which skips its prompt as -Confirm:$false does.</param>
    public static BackgroundStart? Begin(PSCmdlet cmdlet, bool asJob, Func<RdsConnection> connection, bool force = false)
    {
        if (!asJob) return null;
        var invocation = cmdlet.MyInvocation;
        var attribute = (CmdletAttribute?)Attribute.GetCustomAttribute(cmdlet.GetType(), typeof(CmdletAttribute));
        var confirms = attribute?.SupportsShouldProcess == true;
        if (confirms && IsWhatIf(cmdlet))
        {
            cmdlet.WriteVerbose("-WhatIf with -AsJob: the preview is shown here and no job is started (nothing would be sent).");
            return null;
        }
        var parameters = invocation.BoundParameters
            .Where(p => !CallerOnly.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.OrdinalIgnoreCase);
        parameters["Connection"] = connection();
        if (confirms)
        {
            if (WouldPrompt(cmdlet, attribute!.ConfirmImpact, force))
                cmdlet.ThrowTerminatingError(ErrorRecords.From(NeedsConfirmation(invocation.MyCommand.Name)));
            // The job's runspace has the default $ConfirmPreference: what was settled here must not prompt there.
            if (!parameters.ContainsKey("Confirm") && !force) parameters["Confirm"] = new SwitchParameter(false);
        }
        return new BackgroundStart(cmdlet, parameters, invocation.ExpectingInput);
    }

    /// <summary>One piped object, given to the job's command as the same pipeline input.</summary>
    public void Add(object? pipedInput)
    {
        if (_input is not null && pipedInput is not null) _input.Add(pipedInput);
    }

    /// <summary>Registers the job with PowerShell's job table, starts it and writes it.</summary>
    public void Start()
    {
        var invocation = _cmdlet.MyInvocation;
        var name = invocation.MyCommand.Name;
        // The module as the caller imported it (its manifest), else this assembly: the same code either way.
        var module = invocation.MyCommand.Module?.Path is { Length: > 0 } path ? path : typeof(BackgroundStart).Assembly.Location;
        var run = new BackgroundCommand(name, module, _cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath,
            _parameters, _input, Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty);
        var job = new RdsBackgroundJob(run, CommandText(name, invocation.BoundParameters));
        _cmdlet.JobRepository.Add(job);
        job.Start();
        _cmdlet.WriteObject(job);
    }

    /// <summary>
    /// The job's Command, as Get-Job shows it: the command and its parameters, with only plain values (ids, names, times,
    /// numbers) written out. Not the caller's source line: that may hold a whole script, and a secret typed in it.
    /// </summary>
    internal static string CommandText(string name, IDictionary<string, object> bound)
    {
        var text = new StringBuilder(name);
        foreach (var p in bound)
        {
            text.Append(" -").Append(p.Key);
            switch (PSObject.AsPSObject(p.Value).BaseObject)
            {
                case SwitchParameter { IsPresent: true }: break;
                case SwitchParameter: text.Append(":$false"); break;
                case RestoreTimeArgument time: text.Append(' ').Append(Plain(time.ToString())); break;
                case object plain when IsPlain(plain): text.Append(' ').Append(Plain(plain)); break;
                case IEnumerable<object> items when items.All(i => IsPlain(PSObject.AsPSObject(i).BaseObject)):
                    text.Append(' ').Append(string.Join(",", items.Select(i => Plain(PSObject.AsPSObject(i).BaseObject)))); break;
                default: text.Append(" <").Append(PSObject.AsPSObject(p.Value).BaseObject?.GetType().Name ?? "null").Append('>'); break;
            }
        }
        return text.ToString();
    }

    private static bool IsPlain(object value) => value is string || value.GetType().IsPrimitive || value is Enum or DateTime or DateTimeOffset or TimeSpan;

    private static string Plain(object value) => value switch
    {
        string s => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':') ? s : "'" + s.Replace("'", "''") + "'",
        DateTimeOffset t => t.ToString("o", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether ShouldProcess would ask: -Confirm decides when given, then -Force, then $ConfirmPreference against the impact.</summary>
    internal static bool WouldPrompt(PSCmdlet cmdlet, ConfirmImpact impact, bool force)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm)) return IsOn(confirm);
        if (force) return false;
        var preference = ConfirmImpact.High;
        try { preference = (ConfirmImpact)LanguagePrimitives.ConvertTo(cmdlet.GetVariableValue("ConfirmPreference", "High"), typeof(ConfirmImpact), CultureInfo.InvariantCulture); }
        catch (PSInvalidCastException) { }
        return preference != ConfirmImpact.None && impact >= preference;
    }

    private static bool IsWhatIf(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? IsOn(whatIf) : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

    private static bool IsOn(object? value) => value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);

    internal static RdsError NeedsConfirmation(string commandName) =>
        new(RdsErrorIds.AsJobNeedsConfirmation,
            $"{commandName} -AsJob would have to ask for confirmation, and a background job has no one to ask. Nothing was started or sent. " +
            "Give -Force or -Confirm:$false to run it as a job, or run it without -AsJob to be asked.",
            commandName);
}
