using System.Reflection;
using RdsRecovery.Api;
using RdsRecovery.Auth;
using RdsRecovery.Backups;
using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.Restore;

namespace RdsRecovery.Core.Tests.Model;

/// <summary>
/// Types that only their own factories (or tables) build stay that way: no public constructor and no public setter, so a
/// runbook cannot make an unvalidated request or a half-filled answer. A primary constructor would be public, and init
/// accessors must stay private or internal.
/// </summary>
public class FactoryBuiltTypesTests
{
    public static TheoryData<Type> FactoryBuilt => new()
    {
        typeof(RestoreRequest), typeof(PartialRestoreRequest), typeof(ManualBackupRequest), typeof(RestoreConfirmation),
        typeof(RdsCredentials), typeof(RdsRetryDecision), typeof(RdsConnectionCheckResult), typeof(RdsErrorEntry),
    };

    [Theory]
    [MemberData(nameof(FactoryBuilt))]
    public void Has_no_public_constructor(Type type) =>
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));

    [Theory]
    [MemberData(nameof(FactoryBuilt))]
    public void Has_no_public_setter(Type type) =>
        Assert.Empty(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name));
}
