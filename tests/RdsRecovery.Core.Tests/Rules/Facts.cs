using RdsRecovery.Model;
using RdsRecovery.Rules;
using RdsRecovery.Validation;

namespace RdsRecovery.Core.Tests.Rules;

/// <summary>Builders for the rule tests: instances, requests and facts with only what a test cares about.</summary>
internal static class Facts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    public static readonly IClock Clock = new FixedClock(Now);

    public static RdsInstance Instance(string id, string engine = "MySQL", string version = "5.7", int sizeGb = 100,
        string? region = "cn-north-4", string status = "ACTIVE", string name = "") =>
        new() { Id = id, Name = name, Engine = engine, EngineVersion = version, VolumeSizeGB = sizeGb, Region = region, Status = status };

    public static RestoreRequest Backup(string backupId = "bk1", params (string Old, string New)[] map) =>
        RestoreRequest.Create("src", "tgt", backupId, null, Map(map), Clock);

    public static RestoreRequest PointInTime(DateTimeOffset time, params (string Old, string New)[] map) =>
        RestoreRequest.Create("src", "tgt", null, time, Map(map), Clock);

    private static KeyValuePair<string, string?>[]? Map((string Old, string New)[] map) =>
        map.Length == 0 ? null : map.Select(p => new KeyValuePair<string, string?>(p.Old, p.New)).ToArray();

    public static RestoreFacts Pair(RdsInstance? source, RdsInstance? target) =>
        new() { Source = source, Target = target, Clock = Clock };

    public static RuleResult Rule(string ruleId, RestoreRequest request, RestoreFacts facts)
    {
        var result = CompatibilityRules.Evaluate(request, facts)[ruleId];
        Assert.NotNull(result);
        Assert.False(string.IsNullOrWhiteSpace(result!.Message));
        return result;
    }
}
