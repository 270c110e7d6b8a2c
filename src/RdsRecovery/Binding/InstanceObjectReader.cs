namespace RdsRecovery.PowerShell.Binding;

/// <summary>
/// Turns what a user passes as an instance into an <see cref="RdsInstance"/>: one of ours, or any object with the
/// API's field names (id, name, status, type, datastore.type, datastore.version, datastore.complete_version,
/// volume.size, volume.type, region, time_zone, port, related_instance), or with our own property names (Engine, EngineVersion,
/// VolumeSizeGB...) as Export-Csv or ConvertTo-Json of our objects would give. An id and an engine are required.
/// </summary>
internal static class InstanceObjectReader
{
    public static bool TryRead(object? input, string role, string parameterName, out RdsInstance? instance, out RdsError? error)
    {
        instance = null;
        error = null;
        if (PropertyBag.Unwrap(input) is RdsInstance typed)
        {
            instance = typed;
            return true;
        }
        var bag = PropertyBag.Over(input);
        if (bag is null)
        {
            var hint = PropertyBag.Unwrap(input) is string
                ? " A string is not an instance: pass the instance object itself (for example one element of a list-instances response read with ConvertFrom-Json)."
                : "";
            error = Refuse(role, input, parameterName, $"it is {Describe(input)}, not an object with fields.{hint}");
            return false;
        }

        var datastore = PropertyBag.Over(bag.Get("datastore"));
        var volume = PropertyBag.Over(bag.Get("volume"));
        try
        {
            var id = Text(bag.Get("id", "Id", "instance_id"), "id");
            if (string.IsNullOrEmpty(id))
            {
                error = Refuse(role, input, parameterName, "it has no 'id'.");
                return false;
            }
            var engine = Text(datastore?.Get("type") ?? bag.Get("Engine", "datastore_type"), "datastore.type");
            if (string.IsNullOrWhiteSpace(engine))
            {
                error = Refuse(role, input, parameterName, "it has no engine ('datastore.type', or 'Engine').");
                return false;
            }
            instance = new RdsInstance
            {
                Id = id!,
                Name = Text(bag.Get("name"), "name") ?? "",
                Status = Text(bag.Get("status"), "status") ?? "",
                Type = Text(bag.Get("type"), "type") ?? "",
                Engine = engine!,
                EngineVersion = Text(datastore?.Get("version") ?? bag.Get("EngineVersion", "datastore_version"), "datastore.version") ?? "",
                CompleteVersion = Text(datastore?.Get("complete_version") ?? bag.Get("CompleteVersion"), "datastore.complete_version"),
                VolumeType = Text(volume?.Get("type") ?? bag.Get("VolumeType"), "volume.type"),
                VolumeSizeGB = Number(volume?.Get("size") ?? bag.Get("VolumeSizeGB", "volume_size"), "volume.size") ?? 0,
                Region = Text(bag.Get("region"), "region"),
                TimeZone = Text(bag.Get("time_zone", "TimeZone"), "time_zone"),
                Port = Number(bag.Get("port"), "port"),
                RelatedInstances = Relations(bag.Get("related_instance", "RelatedInstances")),
            };
            return true;
        }
        catch (FieldException ex)
        {
            error = Refuse(role, input, parameterName, ex.Message);
            return false;
        }
    }

    private static RdsError Refuse(string role, object? input, string parameterName, string problem) =>
        new RdsError(RdsErrorIds.InvalidInstanceObject,
            $"The {role} instance cannot be read: {problem} Pass an RdsInstance, or an object with the API's fields: id, datastore.type, datastore.version, volume.size, status, region.",
            input, parameterName);

    private static string Describe(object? input) => PropertyBag.Unwrap(input) switch
    {
        null => "null",
        string s => $"the string '{s}'",
        var other => $"a {other.GetType().Name} ({Convert.ToString(other, CultureInfo.InvariantCulture)})",
    };

    private static string? Text(object? value, string field) => value switch
    {
        null => null,
        string s => s,
        // Numbers are fine as text (a version of 14, a port); structures are not.
        IConvertible c when value is not bool => c.ToString(CultureInfo.InvariantCulture),
        _ => throw new FieldException($"'{field}' is a {value.GetType().Name}, not text."),
    };

    // related_instance: null when absent (not known), else every entry's id and type (the V31 DR rule reads the types).
    private static RdsRelatedInstance[]? Relations(object? value)
    {
        if (PropertyBag.Unwrap(value) is not { } list) return null;
        if (list is string || list is not System.Collections.IEnumerable entries) throw new FieldException("'related_instance' is not a list.");
        var relations = new System.Collections.Generic.List<RdsRelatedInstance>();
        foreach (var entry in entries)
        {
            if (PropertyBag.Unwrap(entry) is RdsRelatedInstance typed) { relations.Add(typed); continue; }
            var item = PropertyBag.Over(entry) ?? throw new FieldException("an entry of 'related_instance' is empty.");
            relations.Add(new RdsRelatedInstance
            {
                Id = Text(item.Get("id", "Id"), "related_instance.id") ?? "",
                Type = Text(item.Get("type", "Type"), "related_instance.type") ?? "",
            });
        }
        return relations.ToArray();
    }

    private static int? Number(object? value, string field)
    {
        switch (value)
        {
            case null:
                return null;
            case int i:
                return i;
            case long or short or byte or uint or ushort or ulong or sbyte:
                return Checked(Convert.ToDecimal(value, CultureInfo.InvariantCulture), value, field);
            case double or float or decimal:
                var d = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (decimal.Truncate(d) != d) throw new FieldException($"'{field}' is {value}, not a whole number.");
                return Checked(d, value, field);
            case string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new FieldException($"'{field}' is {Describe(value)}, not a whole number.");
        }
    }

    private static int Checked(decimal value, object raw, string field) =>
        value >= int.MinValue && value <= int.MaxValue ? (int)value : throw new FieldException($"'{field}' is {raw}, out of range.");

    private sealed class FieldException : Exception
    {
        public FieldException(string message) : base(message) { }
    }
}
