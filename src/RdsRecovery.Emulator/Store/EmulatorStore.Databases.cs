namespace RdsRecovery.Emulator.Store;

internal sealed partial class EmulatorStore
{
    /// <summary>
    /// From <paramref name="nowMs"/> on, the instance holds exactly these databases (a DBA created or dropped some).
    /// Earlier states stay, so a point-in-time restore to before now still finds what was there then.
    /// A live instance stays live; a restored one keeps its marker. Character sets of kept databases are kept.
    /// </summary>
    public void SetDatabases(InstanceRecord instance, IReadOnlyList<string> names, long nowMs) => Write(c =>
    {
        var current = StateAt(c, instance, nowMs);
        var known = current?.Databases ?? new List<DatabaseEntry>();
        var charset = (known.Count > 0 ? known[0].CharacterSet : null) ?? "SQL_Latin1_General_CP1_CI_AS";
        var databases = names
            .Select(n => known.FirstOrDefault(d => string.Equals(d.Name, n, System.StringComparison.OrdinalIgnoreCase)) is { } kept
                // Live data stays live; a database restored into a live instance keeps its own marker.
                ? kept with { Version = current!.Live && kept.Version == current.Marker ? null : kept.Version }
                : new DatabaseEntry(n, charset, current is { Live: false } ? current.Marker : null))
            .ToList();
        var live = current?.Live ?? true;
        InsertState(c, instance.Id, nowMs, live, live ? instance.Name + "@live" : current!.Marker, databases);
    });
}
