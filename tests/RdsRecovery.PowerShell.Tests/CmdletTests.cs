using System.Management.Automation;
using RdsRecovery.Errors;
using RdsRecovery.Model;
using RdsRecovery.PowerShell.Commands;
using RdsRecovery.Rules;

namespace RdsRecovery.PowerShell.Tests;

public class CmdletTests : IDisposable
{
    private readonly PowerShellHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Pairs = """
        $pairs = '[
          {"source":{"id":"a1","status":"ACTIVE","datastore":{"type":"MySQL","version":"5.7"},"volume":{"size":100}},
           "target":{"id":"b1","status":"ACTIVE","datastore":{"type":"mysql","version":"5.7"},"volume":{"size":100}},"backup_id":"bk1"},
          {"source":{"id":"a2","status":"ACTIVE","datastore":{"type":"MySQL","version":"5.7"},"volume":{"size":100}},
           "target":{"id":"b2","status":"ACTIVE","datastore":{"type":"MySQL","version":"8.0"},"volume":{"size":100}},"restore_time":1532001446987}
        ]' | ConvertFrom-Json
        """;

    [Fact]
    public void Pairs_from_json_give_one_report_each_and_bindings_do_not_leak_between_inputs()
    {
        var r = _host.Run(Pairs + "\n$pairs | Test-RdsRestoreCompatibility");
        Assert.Empty(r.Errors);
        var reports = r.Output.Cast<CompatibilityReport>().ToList();
        Assert.Equal(2, reports.Count);
        Assert.True(reports[0].IsCompatible);
        Assert.Equal("bk1", reports[0].Request.BackupId);
        // The second pair has no backup_id: the first pair's must not stay bound.
        Assert.Null(reports[1].Request.BackupId);
        Assert.Equal(1532001446987L, reports[1].Request.RestoreTimeUnixMilliseconds);
        Assert.False(reports[1].IsCompatible);
        Assert.Equal(RdsRuleIds.SameVersion, Assert.Single(reports[1].FailedRules).RuleId);
    }

    [Fact]
    public void Quiet_gives_one_boolean_per_input()
    {
        var r = _host.Run(Pairs + "\n$pairs | Test-RdsRestoreCompatibility -Quiet");
        Assert.Equal(new object?[] { true, false }, r.Output);
    }

    [Fact]
    public void A_refused_time_is_reported_with_its_own_id_and_the_raw_value()
    {
        var r = _host.Run("Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -RestoreTime '2026-01-01T10:00:00' -WhatIf");
        var error = Assert.Single(r.Errors);
        Assert.StartsWith(RdsErrorIds.RestoreTimeNotUtc + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("2026-01-01T10:00:00", error.TargetObject);
    }

    /// <summary>
    /// -RestoreTime is a RestoreTimeArgument (a time, the word Latest, or a refusal: issue 13's Latest needs more than a
    /// DateTimeOffset), and a DateTimeOffset given to it is still taken as that exact UTC instant.
    /// </summary>
    [Fact]
    public void RestoreTime_parameter_takes_a_DateTimeOffset_as_that_instant()
    {
        var r = _host.Run("(Get-Command Restore-RdsInstance).Parameters['RestoreTime'].ParameterType");
        Assert.Equal(typeof(RdsRecovery.PowerShell.Binding.RestoreTimeArgument), Assert.Single(r.Output));
        var time = _host.Run("function t { param([RdsRecovery.PowerShell.Binding.RestoreTimeTransformation()] $RestoreTime) $RestoreTime }; " +
            "(t ([DateTimeOffset]::new(2026, 1, 1, 18, 0, 0, [TimeSpan]::FromHours(8)))).Time");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), Assert.Single(time.Output));
    }

    [Fact]
    public void A_confirmed_restore_without_a_connection_stops_with_NotConnected()
    {
        // A terminating error ends the statement; the script goes on, so the next line shows it did stop there.
        var r = _host.Run("Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Confirm:$false; 'next statement'");
        var record = Assert.Single(r.Errors);
        Assert.StartsWith(RdsErrorIds.NotConnected + ",", record.FullyQualifiedErrorId);
        Assert.Equal(new object?[] { "next statement" }, r.Output);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Contains("Connect-RdsAccount", record.Exception.Message);
    }

    [Fact]
    public void Force_skips_the_prompt_so_a_hostless_run_reaches_the_submit_step()
    {
        var r = _host.Run("Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Force");
        Assert.StartsWith(RdsErrorIds.NotConnected + ",", Assert.Single(r.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Without_a_host_to_ask_the_restore_stops_with_ConfirmationUnavailable()
    {
        // A connection to a loopback port where nothing listens: -SkipCompatibilityCheck needs no reads (and ids in the
        // service's form need no name lookup), so the confirmation step is reached, and nothing could have been sent.
        var r = _host.Run("$c = Connect-RdsAccount -Endpoint http://127.0.0.1:9 -ProjectId 0123456789abcdef0123456789abcdef -AccessKey AK " +
            "-SecretKey (ConvertTo-SecureString 'x' -AsPlainText -Force) -SkipValidation -PassThru; Disconnect-RdsAccount; " +
            "Restore-RdsInstance -SourceInstanceId 7b63b40ca1c07d188407e3c64ee772bdin01 -TargetInstanceId 4914c00a2e0baf9b9ca17102de91cf21in01 " +
            "-BackupId b -SkipCompatibilityCheck -Connection $c; 'next statement'");
        var record = Assert.Single(r.Errors);
        Assert.StartsWith(RdsErrorIds.ConfirmationUnavailable + ",", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
    }

    [Fact]
    public void WhatIf_wins_over_Force_and_nothing_is_submitted()
    {
        var r = _host.Run("Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Force -WhatIf; 'after'");
        Assert.Empty(r.Errors);
        Assert.Equal(new object?[] { "after" }, r.Output);
    }

    [Fact]
    public void A_backup_object_binds_as_backup_and_source()
    {
        var r = _host.Run("[pscustomobject]@{ id = 'bk7'; instance_id = 'src7'; status = 'COMPLETED' } | Restore-RdsInstance -TargetInstanceId tgt7 -Force");
        var record = Assert.Single(r.Errors);
        Assert.StartsWith(RdsErrorIds.NotConnected, record.FullyQualifiedErrorId);
        var request = Assert.IsType<RdsRecovery.Model.RestoreRequest>(record.TargetObject);
        Assert.Equal(("src7", "tgt7", "bk7"), (request.SourceInstanceId, request.TargetInstanceId, request.BackupId!));
    }

    [Fact]
    public void Per_input_refusals_do_not_stop_the_pipeline()
    {
        var r = _host.Run("""
            @(
              [pscustomobject]@{ source_instance_id = 'bad/id'; target_instance_id = 't'; backup_id = 'b' },
              [pscustomobject]@{ source_instance_id = 's'; target_instance_id = 't'; backup_id = 'b'; restore_time = '2020-01-01T00:00:00Z' },
              [pscustomobject]@{ source_instance_id = 's'; target_instance_id = 't' }
            ) | Restore-RdsInstance -WhatIf
            'still running'
            """);
        Assert.Equal(new[] { RdsErrorIds.InvalidInstanceId, RdsErrorIds.BackupAndRestoreTimeBothGiven, RdsErrorIds.BackupOrRestoreTimeRequired },
            r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(new object?[] { "still running" }, r.Output);
    }

    [Fact]
    public void A_database_map_read_from_json_keeps_its_order()
    {
        var r = _host.Run("""
            $p = '{"source":{"id":"a","datastore":{"type":"SQLServer","version":"2014_SE"}},"target":{"id":"b","datastore":{"type":"SQLServer","version":"2014_EE"}},"backup_id":"bk","database_name":{"zz":"new1","aa":""}}' | ConvertFrom-Json
            $p | Test-RdsRestoreCompatibility
            """);
        Assert.Empty(r.Errors);
        var report = Assert.IsType<CompatibilityReport>(Assert.Single(r.Output));
        var request = Assert.IsType<RestoreRequest>(report.Request);
        Assert.Equal(new[] { "zz", "aa" }, request.DatabaseMap!.Select(p => p.Key));
        Assert.Contains("\"database_name\":{\"zz\":\"new1\",\"aa\":\"\"}", request.ToJson());
    }

    [Fact]
    public void A_non_string_new_name_is_refused_with_the_hashtable_as_target()
    {
        var r = _host.Run("$m = @{ db1 = 5 }; Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -DatabaseName $m -WhatIf; $m");
        var error = Assert.Single(r.Errors);
        Assert.StartsWith(RdsErrorIds.InvalidDatabaseMap, error.FullyQualifiedErrorId);
        Assert.Same(r.Output.Single(), error.TargetObject);
    }
}
