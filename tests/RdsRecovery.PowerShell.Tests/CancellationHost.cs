using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// A minimal non-interactive PSHost that records what a cmdlet writes to the host directly (the warning
/// Wait-RdsRestoreJob writes from StopProcessing, when the pipeline can no longer take records).
/// </summary>
internal sealed class CancellationHost : PSHost
{
    private readonly RecordingUI _ui = new();

    public IReadOnlyList<string> Warnings => _ui.Warnings;
    public override string Name => "RdsRecovery.CancellationTests";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class RecordingUI : PSHostUserInterface
    {
        private readonly List<string> _warnings = new();

        public IReadOnlyList<string> Warnings { get { lock (_warnings) return _warnings.ToList(); } }
        public override PSHostRawUserInterface? RawUI => null;
        public override void WriteWarningLine(string message) { lock (_warnings) _warnings.Add(message); }
        public override string ReadLine() => throw new PSInvalidOperationException("non-interactive test host");
        public override SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException("non-interactive test host");
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new PSInvalidOperationException("non-interactive test host");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new PSInvalidOperationException("non-interactive test host");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new PSInvalidOperationException("non-interactive test host");
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new PSInvalidOperationException("non-interactive test host");
    }
}
