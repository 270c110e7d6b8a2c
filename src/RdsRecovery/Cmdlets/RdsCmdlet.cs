using RdsRecovery.Journal;

namespace RdsRecovery.PowerShell.Cmdlets;

/// <summary>
/// Base of the module's cmdlets: per-input work goes in <see cref="ProcessInput"/>; a refusal becomes an error record
/// for that input (the pipeline goes on), and no exception leaves the cmdlet unwrapped.
/// </summary>
public abstract class RdsCmdlet : PSCmdlet
{
    protected override void BeginProcessing()
    {
        DebugKeepsWarningsAsWarnings.Apply(this);
        base.BeginProcessing();
    }

    protected sealed override void ProcessRecord()
    {
        try
        {
            ProcessInput();
        }
        catch (RdsException ex)
        {
            // Refusals of this input, or a service failure for it (the record keeps the exception and its properties).
            foreach (var record in ErrorRecords.Each(ex, ErrorTarget)) WriteError(record);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException && ex is not RuntimeException)
        {
            // RuntimeException covers ThrowTerminatingError and errors raised by PowerShell itself: those already carry a record.
            WriteError(ErrorRecords.Unexpected(ex, null));
        }
    }

    /// <summary>The restore journal; a relative RDSRECOVERY_JOURNAL is taken from PowerShell's current location, not the process's.</summary>
    internal RestoreJournal Journal() => RestoreJournal.Default(SessionState.Path.CurrentFileSystemLocation.ProviderPath);

    /// <summary>The input a service failure is reported against (for example the instance id being read).</summary>
    protected virtual object? ErrorTarget => null;

    /// <summary>The work for one input object (or for the parameters, when nothing is piped).</summary>
    protected abstract void ProcessInput();

    /// <summary>
    /// Optional values from a CSV row arrive as "" when their cell is empty: read that as "not given". Only for
    /// optional choices (backup or time); the instance ids stay strict, so a blank target is refused, never defaulted.
    /// </summary>
    protected static string? BlankAsNull(string? value) => value is null || value.Trim().Length == 0 ? null : value;

    /// <summary>A non-terminating error for the current input.</summary>
    protected internal void WriteRdsError(RdsError error) => WriteError(ErrorRecords.From(error));

    /// <summary>A terminating error: for conditions no further input can change, such as a missing connection.</summary>
    protected void ThrowRdsError(RdsError error) => ThrowTerminatingError(ErrorRecords.From(error));
}
