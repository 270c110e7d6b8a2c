namespace RdsRecovery.Instances;

/// <summary>
/// Turns what a user gave for an instance (an id, or an instance's exact name) into an id. Names are matched on the
/// client against the instance list, read at most once per resolver (one per pipeline), and only when a value is not
/// already in the service's id form. A value that is neither id- nor name-shaped is refused before any request.
/// </summary>
public sealed class InstanceReferenceResolver
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<RdsInstance>>>? _listInstances;
    private Task<IReadOnlyList<RdsInstance>>? _instances;

    /// <param name="listInstances">Reads the whole instance list; null when there is no connection (offline).</param>
    public InstanceReferenceResolver(Func<CancellationToken, Task<IReadOnlyList<RdsInstance>>>? listInstances) => _listInstances = listInstances;

    public InstanceReferenceResolver(RdsClient client) : this(token => client.ListInstancesAsync(null, token)) { }

    /// <summary>A resolver without a connection: ids pass, names cannot be resolved.</summary>
    public static InstanceReferenceResolver Offline() => new((Func<CancellationToken, Task<IReadOnlyList<RdsInstance>>>?)null);

    /// <summary>The instance list, when it was read (for names in messages); null otherwise.</summary>
    public IReadOnlyList<RdsInstance>? KnownInstances => _instances is { Status: TaskStatus.RanToCompletion } done ? done.Result : null;

    /// <summary>Null when <paramref name="value"/> can be an id or a name; else why not (no request needed to say so).</summary>
    public static RdsError? CheckShape(string? value, string role, string parameterName)
    {
        var problem = IdentifierRules.Problem(value);
        if (problem is null || InstanceNameRules.IsValidName(value)) return null;
        var hint = role == "target" && string.IsNullOrWhiteSpace(value)
            ? " The target is never defaulted: to restore into the current instance, give the source id (or name) as the target too."
            : "";
        return new RdsError(RdsErrorIds.InvalidInstanceId,
            $"The {role} instance {DisplayText.Quote(value)} is neither an instance id nor an instance name: {problem}. Ids are 1 to {IdentifierRules.MaxLength} " +
            $"characters of A-Z, a-z, 0-9, '_' and '-'; names are {InstanceNameRules.MinLength} to {InstanceNameRules.MaxLength} characters, start with a letter and hold letters, digits, '-', '_' and '.'. Nothing was sent.{hint}",
            value, parameterName);
    }

    /// <summary>
    /// The id <paramref name="value"/> stands for. Throws <see cref="RdsValidationException"/> when it is malformed, names
    /// no instance, names several, or is a name given offline. A well-formed id the list does not show is returned as it
    /// is: the service has the last word on ids.
    /// </summary>
    public async Task<string> ResolveAsync(string? value, string role, string parameterName, CancellationToken cancellationToken)
    {
        if (CheckShape(value, role, parameterName) is { } malformed) throw new RdsValidationException(malformed);
        var text = value!;
        if (InstanceNameRules.IsServiceIdForm(text)) return text;
        var idShaped = IdentifierRules.IsValid(text);
        if (_listInstances is null)
        {
            if (idShaped) return text;
            throw new RdsValidationException(new RdsError(RdsErrorIds.InstanceNameUnresolved,
                $"The {role} instance {DisplayText.Quote(text)} is a name, and names are matched against the instance list, which needs a connection. " +
                "Nothing was sent. Run Connect-RdsAccount, or give the instance id.", text, parameterName));
        }

        var instances = await (_instances ??= _listInstances(cancellationToken)).ConfigureAwait(false);
        if (instances.Any(i => string.Equals(i.Id, text, StringComparison.Ordinal))) return text;
        var named = instances.Where(i => string.Equals(i.Name, text, StringComparison.Ordinal)).ToList();
        if (named.Count == 1) return named[0].Id;
        if (named.Count > 1)
        {
            throw new RdsValidationException(new RdsError(RdsErrorIds.InstanceNameAmbiguous,
                $"The {role} instance name {DisplayText.Quote(text)} matches {named.Count} instances: {string.Join(", ", named.Select(i => i.Id))}. " +
                "Nothing was sent. Give the id of the one you mean.", text, parameterName));
        }
        if (idShaped) return text;
        var near = instances.FirstOrDefault(i => string.Equals(i.Name, text, StringComparison.OrdinalIgnoreCase));
        var hint = near is null ? "" : $" Names are case-sensitive: did you mean '{near.Name}' ({near.Id})?";
        throw new RdsValidationException(new RdsError(RdsErrorIds.InstanceNotFound,
            $"No {role} instance is named {DisplayText.Quote(text)} in this project and region; nothing was sent.{hint}", text, parameterName));
    }
}
