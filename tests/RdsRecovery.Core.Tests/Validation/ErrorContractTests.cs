using System.Reflection;
using RdsRecovery.Errors;

namespace RdsRecovery.Core.Tests.Validation;

public class ErrorContractTests
{
    private static IEnumerable<FieldInfo> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string));

    [Fact]
    public void Every_error_id_equals_its_constant_name_so_the_contract_reads_the_same_in_code_and_docs()
    {
        var fields = Constants(typeof(RdsErrorIds)).ToList();
        Assert.True(fields.Count >= 13);
        Assert.All(fields, f => Assert.Equal(f.Name, (string)f.GetValue(null)!));
    }

    [Fact]
    public void The_ids_named_by_the_spec_exist()
    {
        var ids = Constants(typeof(RdsErrorIds)).Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var id in new[] { "InvalidInstanceId", "InvalidBackupId", "BackupAndRestoreTimeBothGiven", "BackupOrRestoreTimeRequired",
                     "RestoreTimeInFuture", "RestoreTimeBeforeEpoch", "RestoreTimeNotUtc", "InvalidDatabaseMap", "NotConnected" })
            Assert.Contains(id, ids);
    }

    [Fact]
    public void Validation_exception_carries_all_errors_and_joins_their_messages()
    {
        var a = new RdsError(RdsErrorIds.InvalidBackupId, "first");
        var b = new RdsError(RdsErrorIds.InvalidDatabaseMap, "second");
        var ex = new RdsValidationException(new[] { a, b });
        Assert.Same(a, ex.Error);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("first", ex.Message);
        Assert.Contains("second", ex.Message);
        Assert.Throws<ArgumentException>(() => new RdsValidationException(Array.Empty<RdsError>()));
    }

    [Fact]
    public void WithTarget_keeps_everything_but_the_target()
    {
        var cause = new InvalidOperationException("why");
        var e = new RdsError(RdsErrorIds.InvalidBackupId, "m", "old", "P", cause).WithTarget("new");
        Assert.Equal((RdsErrorIds.InvalidBackupId, RdsErrorCategory.InvalidArgument, "m", "new", "P"), (e.Id, e.Category, e.Message, (string)e.TargetObject!, e.ParameterName));
        Assert.Same(cause, e.Cause);
        Assert.Equal("InvalidBackupId: m", e.ToString());
        Assert.Equal(("Q", "new"), (e.WithParameterName("Q").ParameterName, (string)e.WithParameterName("Q").TargetObject!));
    }

    [Fact]
    public void An_error_takes_its_category_from_the_catalogue_and_an_uncatalogued_id_cannot_be_raised()
    {
        Assert.Equal(RdsErrorCategory.InvalidArgument, new RdsError(RdsErrorIds.CredentialsNotFound, "m").Category);
        Assert.Equal(RdsErrorCategory.InvalidResult, new RdsError(RdsErrorIds.RestoreOutcomeUnknown, "m").Category);
        var refused = Assert.Throws<ArgumentException>(() => new RdsError("NoSuchErrorId", "m"));
        Assert.Contains("RdsErrorCatalog", refused.Message);
    }
}
