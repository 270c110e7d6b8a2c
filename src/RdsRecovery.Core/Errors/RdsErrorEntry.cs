namespace RdsRecovery.Errors;

/// <summary>One line of <see cref="RdsErrorCatalog"/>: an error id, its one category and what it means.</summary>
public sealed class RdsErrorEntry
{
    // Only the catalogue has entries.
    internal RdsErrorEntry() { }

    /// <summary>The stable id (a constant of <see cref="RdsErrorIds"/>).</summary>
    public string Id { get; internal init; } = "";
    /// <summary>The category every error record with this id carries.</summary>
    public RdsErrorCategory Category { get; internal init; }
    /// <summary>One line for a user: when it happens and what was (not) sent. The about topic lists it.</summary>
    public string Summary { get; internal init; } = "";
    public RdsErrorGroup Group { get; internal init; } = null!;

    public override string ToString() => $"{Id} ({Category})";
}

/// <summary>A heading of the about topic's error list, with an optional closing note.</summary>
public sealed class RdsErrorGroup
{
    internal RdsErrorGroup(string heading, string? note = null)
    {
        Heading = heading;
        Note = note;
    }

    public string Heading { get; }
    public string? Note { get; }
}
