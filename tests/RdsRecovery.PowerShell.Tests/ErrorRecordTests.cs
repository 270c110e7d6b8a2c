using System.Management.Automation;
using RdsRecovery.Errors;

namespace RdsRecovery.PowerShell.Tests;

public class ErrorRecordTests
{
    [Fact]
    public void Every_category_of_ours_maps_to_the_PowerShell_category_of_the_same_name()
    {
        foreach (var category in Enum.GetValues<RdsErrorCategory>())
            Assert.Equal(category.ToString(), ErrorRecords.ToCategory(category).ToString());
    }

    [Fact]
    public void A_record_carries_the_id_category_target_and_parameter()
    {
        var error = new RdsError(RdsErrorIds.InvalidBackupId, RdsErrorCategory.InvalidArgument, "bad backup", "a/b", "BackupId");
        var record = ErrorRecords.From(error);
        Assert.Equal(RdsErrorIds.InvalidBackupId, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal("a/b", record.TargetObject);
        Assert.Equal("BackupId", record.CategoryInfo.TargetName);
        var ex = Assert.IsType<RdsErrorException>(record.Exception);
        Assert.Equal("bad backup", ex.Message);
        Assert.Equal(RdsErrorIds.InvalidBackupId, ex.ErrorId);
    }

    [Fact]
    public void Unexpected_failures_are_wrapped_with_their_cause()
    {
        var cause = new InvalidOperationException("boom");
        var record = ErrorRecords.Unexpected(cause, null);
        Assert.Equal(RdsErrorIds.UnexpectedError, record.FullyQualifiedErrorId);
        Assert.Same(cause, record.Exception.InnerException);
        Assert.Contains("boom", record.Exception.Message);
    }
}
