namespace RdsRecovery.Journal;

/// <summary>
/// The journal's path cannot be used (a directory, a device, a dangling or looping link, read-only, full, locked).
/// Policy: a restore that cannot be journalled is not sent; the message names the path, the cause and the fix.
/// </summary>
public sealed class RestoreJournalException : RdsException
{
    internal RestoreJournalException(string path, string cause, Exception? inner = null)
        : base(new RdsError(RdsErrorIds.JournalUnavailable, Compose(path, cause), path), inner)
    {
        JournalPath = path;
    }

    public string JournalPath { get; }

    private static string Compose(string path, string cause) =>
        $"The restore journal {path} cannot be used: {cause}. No restore is sent that cannot be recorded there. "
        + $"Fix that path, or set {RestoreJournal.PathVariable} to a file in a folder you can write (a relative path is taken from the current location).";
}
