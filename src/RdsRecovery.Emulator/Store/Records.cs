namespace RdsRecovery.Emulator.Store;

/// <summary>A database inside an instance; <see cref="Version"/> is the data version marker it carries (null = live data).</summary>
internal sealed record DatabaseEntry(string Name, string CharacterSet, string? Version);

/// <summary>A restorable time range; a null end means "now minus the log delay", computed at query time.</summary>
internal sealed record WindowSpec(long StartMs, long? EndMs);

/// <summary>One related_instance entry: the peer and the relation's type (replica_of, replica, dr).</summary>
internal sealed record RelationEntry(string Id, string Type);

/// <summary>An instance; a null <see cref="Region"/> is the emulator's own region.</summary>
internal sealed record InstanceRecord(
    string Id, string Name, string Engine, string Version, string? CompleteVersion, string Type, string Status,
    string VolumeType, int VolumeSizeGb, int Port, string TimeZone, string FlavorRef, long CreatedMs, long UpdatedMs,
    IReadOnlyList<WindowSpec> Windows, string? Region, IReadOnlyList<RelationEntry> Related);

internal sealed record BackupRecord(
    string Id, string InstanceId, string Name, string Type, string Status, long SizeKb, long BeginMs, long? EndMs,
    string Marker, IReadOnlyList<DatabaseEntry> Databases);

/// <summary>The data an instance holds at one moment: a marker and its databases.</summary>
internal sealed record DataState(string Marker, IReadOnlyList<DatabaseEntry> Databases, long FromMs, bool Live);

internal sealed record JobRecord(
    string Id, string Name, string SourceId, string TargetId, string TargetName, long CreatedMs, long VisibleMs,
    long EndsMs, string? FailReason, bool Settled);

internal enum JobStatus { Running, Completed, Failed }
