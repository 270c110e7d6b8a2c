namespace RdsRecovery.Rules.Checks;

/// <summary>
/// PostgreSQL (v3.1 documents): a primary or DR instance in a disaster-recovery relation cannot be the target. Read
/// replicas are not such a relation; a relation type the data does not know leaves the rule NotChecked.
/// </summary>
internal sealed class TargetNotInDisasterRecoveryRule()
    : InstancePairRule(RdsRuleIds.TargetNotInDisasterRecovery, "The engines of both instances are needed.", RdsEngine.PostgreSql)
{
    protected override bool IsRuleOf(RestoreRuleProfile profile) => profile.PostgreSqlRefusesDisasterRecoveryTarget;

    protected override RuleResult Compare(RdsInstance source, RdsInstance target, RestoreFacts facts)
    {
        if (target.RelatedInstances is null)
            return RuleResult.NotChecked(Id, $"The related instances of {Describe.Instance("target", target)} are not known.");

        var dr = target.RelatedInstances.Where(r => IsOneOf(r.Type, RestoreRuleData.DisasterRecoveryRelationTypes)).ToList();
        if (dr.Count > 0)
            return RuleResult.Failed(Id, $"{Describe.Instance("Target", target)} is in a disaster-recovery relation ({string.Join(", ", dr)}); " +
                "a PostgreSQL instance in one cannot be restored into. Pick a target outside any disaster-recovery relation.");
        var unknown = target.RelatedInstances.Where(r => !IsOneOf(r.Type, RestoreRuleData.ReplicaRelationTypes)).ToList();
        if (unknown.Count > 0)
            return RuleResult.NotChecked(Id, $"{Describe.Instance("Target", target)} has relations of a type the rules do not know ({string.Join(", ", unknown)}); " +
                "whether one is disaster recovery was not decided.");
        return RuleResult.Passed(Id, target.RelatedInstances.Length == 0
            ? $"{Describe.Instance("Target", target)} has no related instance."
            : $"{Describe.Instance("Target", target)} has read-replica relations only.");
    }

    private static bool IsOneOf(string? type, System.Collections.Generic.IReadOnlyList<string> types) =>
        type is not null && types.Any(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase));
}
