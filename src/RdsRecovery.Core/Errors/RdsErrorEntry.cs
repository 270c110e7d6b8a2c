namespace RdsRecovery.Errors;

/// <summary>One line of <see cref="RdsErrorCatalog"/>: an error id, its one category and what it means.</summary>
public sealed class RdsErrorEntry
{
    internal RdsErrorEntry(string id, RdsErrorCategory category, string summary, RdsErrorGroup group)
    {
        Id = id;
        Category = category;
        Summary = summary;
        Group = group;
    }

    /// <summary>The stable id (a constant of <see cref="RdsErrorIds"/>).</summary>
    public string Id { get; }
    /// <summary>The category every error record with this id carries.</summary>
    public RdsErrorCategory Category { get; }
    /// <summary>One line for a user: when it happens and what was (not) sent. The about topic lists it.</summary>
    public string Summary { get; }
    public RdsErrorGroup Group { get; }

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
