using System.Text.RegularExpressions;

namespace RdsRecovery.Emulator.Faults;

/// <summary>The decision for one request: added latency and at most one disruptive fault.</summary>
internal sealed record FaultDecision(int LatencyMs, FaultRule? Fault);

/// <summary>
/// Holds the fault configuration set through the admin API. Decisions use one seeded random
/// generator under a lock, so a given seed and request order always give the same faults.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private List<FaultRule> _rules = new();
    private Random _random = new(0);
    private int _seed;

    public FaultDecision Decide(string method, string path)
    {
        lock (_gate)
        {
            if (_rules.Count == 0) return new FaultDecision(0, null);
            var latency = 0;
            FaultRule? fault = null;
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path)) continue;
                if (rule.Kind != FaultKind.Latency && fault is not null) continue;
                if (rule.Probability < 1.0 && _random.NextDouble() >= rule.Probability) continue;
                if (rule.Remaining is not null) rule.Remaining--;
                rule.Hits++;
                if (rule.Kind == FaultKind.Latency) latency += rule.LatencyMs;
                else fault = rule;
            }
            return new FaultDecision(latency, fault);
        }
    }

    public void Clear() => Configure(new List<FaultRule>(), 0);

    private void Configure(List<FaultRule> rules, int seed)
    {
        lock (_gate)
        {
            _rules = rules;
            _seed = seed;
            _random = new Random(seed);
        }
    }

    /// <summary>Replaces the configuration from the admin API's JSON; throws <see cref="ApiException"/> on a bad shape.</summary>
    public void Configure(JsonNode? config)
    {
        if (config is not JsonObject root) throw ApiException.Parameter("Fault configuration must be a JSON object {\"seed\":..,\"rules\":[..]}.");
        var seed = root["seed"] is JsonValue s && s.TryGetValue<int>(out var sv) ? sv : 0;
        var rules = new List<FaultRule>();
        if (root["rules"] is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not JsonObject r) throw ApiException.Parameter("Each fault rule must be an object.");
                rules.Add(ParseRule(r));
            }
        }
        else if (root["rules"] is not null) throw ApiException.Parameter("'rules' must be an array.");
        Configure(rules, seed);
    }

    private static FaultRule ParseRule(JsonObject r)
    {
        var kindText = Str(r, "kind") ?? throw ApiException.Parameter("A fault rule needs 'kind': latency, error, throttle, busy, drop, malformed or rewrite.");
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
            throw ApiException.Parameter($"Unknown fault kind '{kindText}'.");
        var path = Str(r, "path");
        Regex? regex;
        try
        {
            regex = path is null ? null : new Regex(path, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            throw ApiException.Parameter($"Fault 'path' is not a valid regular expression: {e.Message}");
        }
        var probability = Num(r, "probability") ?? 1.0;
        if (probability is < 0 or > 1) throw ApiException.Parameter("Fault 'probability' must be between 0 and 1.");
        var count = Num(r, "count");
        var status = (int)(Num(r, "status") ?? kind switch
        {
            FaultKind.Throttle => 429,
            FaultKind.Busy => 409,
            FaultKind.Error => 500,
            _ => 0,
        });
        if (kind is FaultKind.Error or FaultKind.Throttle or FaultKind.Busy && status is < 400 or > 599)
            throw ApiException.Parameter("Fault 'status' must be 400-599.");
        var (set, remove) = RewriteOf(r, kind);
        return new FaultRule
        {
            Kind = kind,
            Path = path,
            PathRegex = regex,
            Method = Str(r, "method"),
            Probability = probability,
            Remaining = count is null ? null : (int)count,
            LatencyMs = (int)(Num(r, "latency_ms") ?? (kind == FaultKind.Latency ? 500 : 0)),
            Status = status,
            ErrorCode = Str(r, "error_code") ?? kind switch
            {
                FaultKind.Throttle => ErrorCodes.GatewayThrottled,
                FaultKind.Busy => ErrorCodes.InstanceBusy,
                _ => status == 503 ? "DBS.200005" : ErrorCodes.ServerFailure,
            },
            ErrorMsg = Str(r, "error_msg") ?? kind switch
            {
                FaultKind.Throttle => "The throttling threshold has been reached.",
                FaultKind.Busy => "Another operation is being performed on the DB instance or the DB instance is faulty.",
                _ => "Server failure (injected by the emulator).",
            },
            RetryAfterSeconds = (int)(Num(r, "retry_after") ?? 1),
            AfterHandling = string.Equals(Str(r, "when"), "after", StringComparison.OrdinalIgnoreCase),
            Set = set,
            Remove = remove,
        };
    }

    private static (JsonObject? Set, string[] Remove) RewriteOf(JsonObject r, FaultKind kind)
    {
        if (kind != FaultKind.Rewrite) return (null, Array.Empty<string>());
        if (r["set"] is not null and not JsonObject) throw ApiException.Parameter("Fault 'set' must be an object of field path to JSON value.");
        if (r["remove"] is not null and not JsonArray) throw ApiException.Parameter("Fault 'remove' must be an array of field paths.");
        var set = (JsonObject?)r["set"]?.DeepClone();
        var remove = ((JsonArray?)r["remove"] ?? new JsonArray())
            .Select(p => p is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw ApiException.Parameter("Each 'remove' entry must be a field path string."))
            .ToArray();
        if ((set is null || set.Count == 0) && remove.Length == 0) throw ApiException.Parameter("A rewrite fault needs 'set' or 'remove'.");
        if ((set?.Select(p => p.Key) ?? Enumerable.Empty<string>()).Concat(remove).FirstOrDefault(p => !AnswerRewrite.IsValidPath(p)) is { } bad)
            throw ApiException.Parameter($"Fault field path '{bad}' is not a dotted path like job.status or instances[0].port.");
        return (set, remove);
    }

    public JsonObject ToJson()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["seed"] = _seed,
                ["rules"] = new JsonArray(_rules.Select(r => (JsonNode)new JsonObject
                {
                    ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                    ["path"] = r.Path,
                    ["method"] = r.Method,
                    ["probability"] = r.Probability,
                    ["count"] = r.Remaining,
                    ["latency_ms"] = r.LatencyMs,
                    ["status"] = r.Status,
                    ["error_code"] = r.ErrorCode,
                    ["error_msg"] = r.ErrorMsg,
                    ["retry_after"] = r.RetryAfterSeconds,
                    ["when"] = r.AfterHandling ? "after" : "before",
                    ["set"] = r.Set?.DeepClone(),
                    ["remove"] = r.Kind == FaultKind.Rewrite ? new JsonArray(r.Remove.Select(p => (JsonNode)p).ToArray()) : null,
                    ["hits"] = r.Hits,
                }).ToArray()),
            };
        }
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Num(JsonObject o, string name)
    {
        if (o[name] is null) return null;
        if (o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return v.GetValue<double>();
        throw ApiException.Parameter($"Fault '{name}' must be a number.");
    }
}
