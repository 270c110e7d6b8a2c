using System.Collections.ObjectModel;
using System.Management.Automation.Host;
using System.Security;

namespace RdsRecovery.PowerShell.Background;

/// <summary>
/// The host of a background job's runspace: what a command writes to its host (a warning after Ctrl+C, for one)
/// goes to the job's own streams, never to the console of whoever is typing meanwhile; and it cannot prompt,
/// so a command that would ask fails as in any host that cannot ask (for a restore, ConfirmationUnavailable).
/// </summary>
internal sealed class BackgroundHost : PSHost
{
    private readonly BackgroundHostUI _ui;

    public BackgroundHost(RdsBackgroundJob job) => _ui = new BackgroundHostUI(job);

    public override CultureInfo CurrentCulture { get; } = CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture { get; } = CultureInfo.CurrentUICulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "RdsRecoveryBackgroundJob";
    public override PSHostUserInterface UI => _ui;
    public override Version Version { get; } = new Version(1, 0);

    public override void EnterNestedPrompt() => throw NoPrompt();
    public override void ExitNestedPrompt() => throw NoPrompt();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    internal static PSInvalidOperationException NoPrompt() =>
        new("A background job cannot ask anything: run the command without -AsJob to be asked, or give -Force or -Confirm:$false.");

    private sealed class BackgroundHostUI : PSHostUserInterface
    {
        private readonly RdsBackgroundJob _job;

        public BackgroundHostUI(RdsBackgroundJob job) => _job = job;

        public override PSHostRawUserInterface? RawUI => null;

        public override void Write(string value) => WriteLine(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => WriteLine(value);
        public override void WriteLine(string value) => _job.Verbose.Add(new VerboseRecord(value));
        public override void WriteErrorLine(string value) => _job.Warning.Add(new WarningRecord(value));

        // PowerShell itself adds what reaches these to the job's own warning, verbose, debug and progress streams
        // (the command's streams are the job's): writing them here as well would say everything twice.
        public override void WriteWarningLine(string message) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NoPrompt();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NoPrompt();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();
        public override string ReadLine() => throw NoPrompt();
        public override SecureString ReadLineAsSecureString() => throw NoPrompt();
    }
}
