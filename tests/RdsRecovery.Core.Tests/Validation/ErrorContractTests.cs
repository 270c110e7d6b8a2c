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
        var a = new RdsError("A", RdsErrorCategory.InvalidArgument, "first");
        var b = new RdsError("B", RdsErrorCategory.InvalidData, "second");
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
        var e = new RdsError("X", RdsErrorCategory.InvalidArgument, "m", "old", "P").WithTarget("new");
        Assert.Equal(("X", RdsErrorCategory.InvalidArgument, "m", "new", "P"), (e.Id, e.Category, e.Message, (string)e.TargetObject!, e.ParameterName));
        Assert.Equal("X: m", e.ToString());
    }
}
