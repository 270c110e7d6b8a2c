using System.Management.Automation;
using RdsRecovery.Api;
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
        var error = new RdsError(RdsErrorIds.InvalidBackupId, "bad backup", "a/b", "BackupId");
        var record = ErrorRecords.From(error);
        Assert.Equal(RdsErrorIds.InvalidBackupId, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal("a/b", record.TargetObject);
        Assert.Equal("BackupId", record.CategoryInfo.TargetName);
        var ex = Assert.IsType<RdsException>(record.Exception);
        Assert.Equal("bad backup", ex.Message);
        Assert.Equal(RdsErrorIds.InvalidBackupId, ex.ErrorId);
        Assert.Same(error, ex.Error);
    }

    [Fact]
    public void A_thrown_error_keeps_its_exception_and_takes_the_catalogue_category_whatever_the_target()
    {
        var cause = new TimeoutException("no answer");
        var thrown = new RdsException(new RdsError(RdsErrorIds.EndpointUnreachable, "unreachable", cause: cause));
        var record = ErrorRecords.From(thrown, "fallback target");
        Assert.Same(thrown, record.Exception);
        Assert.Same(cause, record.Exception.InnerException);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Equal("fallback target", record.TargetObject);
        Assert.Equal(RdsErrorIds.EndpointUnreachable, record.FullyQualifiedErrorId);
    }

    [Fact]
    public void Refusals_of_one_input_become_one_record_each_with_their_own_target()
    {
        var refused = new RdsValidationException(new[]
        {
            new RdsError(RdsErrorIds.InvalidBackupId, "bad backup", "b/1", "BackupId"),
            new RdsError(RdsErrorIds.InvalidDatabaseMap, "bad map", null, "DatabaseName"),
        });
        var records = ErrorRecords.Each(refused, "fallback").ToList();
        Assert.Equal(new[] { RdsErrorIds.InvalidBackupId, RdsErrorIds.InvalidDatabaseMap }, records.Select(r => r.FullyQualifiedErrorId));
        Assert.Equal(new object?[] { "b/1", null }, records.Select(r => r.TargetObject));
        Assert.All(records, r => Assert.Equal(ErrorCategory.InvalidArgument, r.CategoryInfo.Category));

        var failure = new RdsException(new RdsError(RdsErrorIds.RdsServerError, "500"));
        Assert.Same(failure, Assert.Single(ErrorRecords.Each(failure, "fallback")).Exception);
    }

    [Fact]
    public void Every_catalogued_id_becomes_a_record_of_its_catalogue_category()
    {
        foreach (var entry in RdsErrorCatalog.All)
        {
            var record = ErrorRecords.From(new RdsError(entry.Id, entry.Summary));
            Assert.Equal(entry.Category.ToString(), record.CategoryInfo.Category.ToString());
        }
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
