# Every compatibility rule the emulator's fleet can show, twice: refused by the client before anything is sent
# (RestoreIncompatible naming the rule, no POST in the emulator's request log), and, with -SkipCompatibilityCheck,
# refused by the emulator (the service's error: id, category, HTTP status, error_code, request id).
BeforeDiscovery {
    # The cases are data for -ForEach, so they exist at discovery time; the ids come from the helper.
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    $Cases = @(
        @{ Rule = 'SameEngine'; Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.CrmStaging; BackupId = $Backups.ErpProdLatest }
            Status = 400; Code = 'DBS.200040'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'SameVersion'; Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ShopTest; BackupId = $Backups.ErpProdLatest }
            Status = 400; Code = 'DBS.201207'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'TargetVolumeLargeEnough'; Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpDevSmall; BackupId = $Backups.ErpProdLatest }
            Status = 400; Code = 'DBS.280001'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseMapOnlyForSqlServer'; Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest; DatabaseName = @{ erp = 'erp_copy' } }
            Status = 400; Code = 'DBS.200001'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseNameAllowed'; Restore = @{ SourceInstanceId = $Ids.BiWeb; TargetInstanceId = $Ids.BiSe; BackupId = $Backups.BiWebLatest; DatabaseName = @{ sales = 'sales-copy' } }
            Status = 400; Code = 'DBS.200001'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseNameAllowed'; Restore = @{ SourceInstanceId = $Ids.BiWeb; TargetInstanceId = $Ids.BiSe; BackupId = $Backups.BiWebLatest; DatabaseName = @{ sales = 'my_msdb_copy' } }
            Status = 400; Code = 'DBS.200001'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseNameNotInUse'; Restore = @{ SourceInstanceId = $Ids.BiWeb; TargetInstanceId = $Ids.BiSe; BackupId = $Backups.BiWebLatest; DatabaseName = @{ sales = 'reporting' } }
            Status = 400; Code = 'DBS.201035'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseNameNotInUse'; Restore = @{ SourceInstanceId = $Ids.BiWeb; TargetInstanceId = $Ids.BiSe; BackupId = $Backups.BiWebLatest; DatabaseName = @{ sales = 'REPORTING_ARCHIVE' } }
            Status = 400; Code = 'DBS.201035'; Id = 'RdsInvalidArgument'; Category = 'InvalidArgument' }
        @{ Rule = 'DatabaseToRestoreExists'; Restore = @{ SourceInstanceId = $Ids.BiWeb; TargetInstanceId = $Ids.BiSe; BackupId = $Backups.BiWebLatest; DatabaseName = @{ nosuchdb = 'x_copy' } }
            Status = 400; Code = 'DBS.280128'; Id = 'RdsResourceNotFound'; Category = 'ObjectNotFound' }
        @{ Rule = 'BackupCompleted'; Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdFailed }
            Status = 400; Code = 'DBS.280214'; Id = 'RdsResourceNotFound'; Category = 'ObjectNotFound' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name compatibility

    $script:FinWeb2012 = 'aa4b45606edec4380fbfeb3e7576db2ein04'   # SQL Server 2012_WEB, 100 GB
    $script:PayWeb2014 = '7a1284a97b57eff7a107e2901d6beecbin04'   # SQL Server 2014_WEB, 100 GB

    function Get-LatestBackupId([string] $InstanceId) {
        (Get-RdsBackup -InstanceId $InstanceId -Status COMPLETED | Select-Object -First 1).Id
    }

    # A point in time inside erp-prod's two-hour log gap (between its two restore windows).
    function Get-ErpProdGapTime {
        $windows = @(Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)
        $windows[0].End.AddMinutes(30)
    }

    # Runs a restore that must be refused by the client; returns its error records. Asserts nothing was POSTed.
    function Invoke-RefusedByClient([hashtable] $Restore) {
        Clear-RequestLog
        Restore-RdsInstance @Restore -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        Get-RestorePost | Should -BeNullOrEmpty -Because 'a refused restore sends nothing'
        $failure
    }

    # Runs a restore with -SkipCompatibilityCheck that the emulator must refuse; returns the error record.
    function Invoke-RefusedByService([hashtable] $Restore) {
        Clear-RequestLog
        Restore-RdsInstance @Restore -SkipCompatibilityCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        @(Get-RestorePost).Count | Should -BeGreaterOrEqual 1 -Because 'the emulator decides'
        @($failure).Count | Should -Be 1
        $failure[0]
    }

    # Every refusal (both sides) must leave the fleet alone: nothing RESTORING.
    function Assert-NothingRestoring {
        @(Get-RdsInstance | Where-Object Status -ne 'ACTIVE') | Should -BeNullOrEmpty
    }

}

AfterAll { Stop-EndToEnd }

Describe 'A rule refused by the client: RestoreIncompatible, the rule id in the message, nothing sent' {
    BeforeAll { Reset-Emulator }

    It '<Rule> (<Restore.TargetInstanceId>, map <Restore.DatabaseName.Values>)' -ForEach $Cases {
        $failure = Invoke-RefusedByClient $Restore
        @($failure).Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failure[0].Exception.Message | Should -BeLike "*[$Rule]*"
        $failure[0].Exception.Message | Should -BeLike '*was not sent*'
        $failure[0].TargetObject | Should -BeOfType ([RdsRecovery.Rules.CompatibilityReport])
        $failure[0].TargetObject.FailedRules.RuleId | Should -Contain $Rule
        Assert-NothingRestoring
    }

    It 'Test-RdsRestoreCompatibility reports <Rule> Failed and sends nothing' -ForEach $Cases {
        Clear-RequestLog
        $report = Test-RdsRestoreCompatibility @Restore
        $report.IsCompatible | Should -BeFalse
        ($report.Rules | Where-Object RuleId -eq $Rule).Outcome | Should -Be 'Failed'
        Test-RdsRestoreCompatibility @Restore -Quiet | Should -BeFalse
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'SqlServerVersionAllowed: 2012_WEB into 2014_WEB (another year)' {
        $backup = Get-LatestBackupId $FinWeb2012
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $FinWeb2012; TargetInstanceId = $PayWeb2014; BackupId = $backup }
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -BeLike '*[SqlServerVersionAllowed]*'
        $failure[0].TargetObject.FailedRules.RuleId | Should -Be @('SqlServerVersionAllowed')
    }

    It 'SqlServerVersionAllowed: 2008_R2_EE into 2008_R2_WEB (a downgrade), with the volume rule too' {
        $backup = Get-LatestBackupId $Ids.HrEe
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.HrEe; TargetInstanceId = $Ids.HrWeb; BackupId = $backup }
        $failure[0].TargetObject.FailedRules.RuleId | Sort-Object | Should -Be @('SqlServerVersionAllowed', 'TargetVolumeLargeEnough')
        $failure[0].Exception.Message | Should -BeLike '*[SqlServerVersionAllowed]*[TargetVolumeLargeEnough]*'
    }

    It 'BackupCompleted: a BUILDING backup' {
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdBuilding }
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -BeLike '*[BackupCompleted]*BUILDING*'
    }

    It 'BackupBelongsToSource: a backup of another instance is not found among the source''s backups, before sending' {
        # The facts are looked up among the source's backups, so the client says BackupNotFound rather than the rule.
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpStagingLatest }
        @($failure).Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'BackupNotFound'
        $failure[0].Exception.Message | Should -BeLike '*another instance*'
        $failure[0].Exception.Message | Should -BeLike "*$($Backups.ErpStagingLatest)*"
    }

    It 'an unknown backup id is BackupNotFound before sending' {
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = 'ffffffffffffffffffffffffffffffffbr01' }
        $failure[0] | Get-ErrorId | Should -Be 'BackupNotFound'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an unknown target is InstanceNotFound before sending' {
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = 'ffffffffffffffffffffffffffffffffin01'; BackupId = $Backups.ErpProdLatest }
        $failure[0] | Get-ErrorId | Should -Be 'InstanceNotFound'
    }

    It 'RestoreTimeInWindow: a time in the log gap' {
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; RestoreTime = (Get-ErpProdGapTime) }
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -BeLike '*[RestoreTimeInWindow]*'
    }

    It 'RestoreTimeInWindow: a time before the oldest backup' {
        $before = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)[0].Start.AddHours(-1)
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; RestoreTime = $before }
        $failure[0].Exception.Message | Should -BeLike '*[RestoreTimeInWindow]*'
    }

    It 'KnownEngine and SameRegion (not in the seeded fleet): Test-RdsRestoreCompatibility on instance objects' {
        $source = Get-RdsInstance -InstanceId $Ids.ErpProd
        $json = $source | Select-Object @{ n = 'id'; e = { 'mariadb0000000000000000000000000in01' } }, @{ n = 'status'; e = { 'ACTIVE' } },
            @{ n = 'region'; e = { 'ap-southeast-1' } }, @{ n = 'datastore'; e = { @{ type = 'MariaDB'; version = '10.5' } } },
            @{ n = 'volume'; e = { @{ size = 500 } } } | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $report = Test-RdsRestoreCompatibility -SourceInstance $source -TargetInstance $json -BackupId $Backups.ErpProdLatest
        $report.FailedRules.RuleId | Should -Contain 'KnownEngine'
        $report.FailedRules.RuleId | Should -Contain 'SameRegion'
    }
}

Describe 'With -SkipCompatibilityCheck the emulator refuses: the service error reaches the user' {
    BeforeAll { Reset-Emulator }

    It '<Rule>: HTTP <Status> <Code>' -ForEach $Cases {
        $failure = Invoke-RefusedByService $Restore
        $failure.Exception.HttpStatus | Should -Be $Status
        $failure.Exception.ErrorCode | Should -Be $Code
        $failure.Exception.RequestId | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -BeLike "*HTTP $Status $Code*"
        $failure.Exception.Message | Should -BeLike "*(request id: $($failure.Exception.RequestId))*"
        $failure.Exception.ErrorMessage | Should -Not -BeNullOrEmpty
        $failure | Get-ErrorId | Should -Be $Id
        $failure.CategoryInfo.Category | Should -Be $Category
        # The service said no: nothing was accepted, so the POST is not resent.
        @(Get-RestorePost).Count | Should -Be 1
        $request = (Get-RestorePost)[0]
        $request.status | Should -Be $Status
        $request.request_id | Should -Be $failure.Exception.RequestId
        Assert-NothingRestoring
    }

    It 'SqlServerVersionAllowed: DBS.201207' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $FinWeb2012; TargetInstanceId = $PayWeb2014; BackupId = (Get-LatestBackupId $FinWeb2012) }
        $failure.Exception.ErrorCode | Should -Be 'DBS.201207'
        $failure | Get-ErrorId | Should -Be 'RdsInvalidArgument'
    }

    It 'BackupBelongsToSource: DBS.280214' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpStagingLatest }
        $failure.Exception.HttpStatus | Should -Be 400
        $failure.Exception.ErrorCode | Should -Be 'DBS.280214'
    }

    It 'an unknown backup: 404 DBS.201010, RdsResourceNotFound' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = 'ffffffffffffffffffffffffffffffffbr01' }
        $failure.Exception.HttpStatus | Should -Be 404
        $failure.Exception.ErrorCode | Should -Be 'DBS.201010'
        $failure | Get-ErrorId | Should -Be 'RdsResourceNotFound'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an unknown target: 404 DBS.200002' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = 'ffffffffffffffffffffffffffffffffin01'; BackupId = $Backups.ErpProdLatest }
        $failure.Exception.ErrorCode | Should -Be 'DBS.200002'
        $failure | Get-ErrorId | Should -Be 'RdsResourceNotFound'
    }

    It 'an unknown source: 404 DBS.200013' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = 'ffffffffffffffffffffffffffffffffin01'; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest }
        $failure.Exception.ErrorCode | Should -Be 'DBS.200013'
    }

    It 'RestoreTimeInWindow: 400 DBS.201203 for a time in the log gap' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; RestoreTime = (Get-ErpProdGapTime) }
        $failure.Exception.HttpStatus | Should -Be 400
        $failure.Exception.ErrorCode | Should -Be 'DBS.201203'
    }

    It 'input validation is never skipped: both a backup and a time is refused, nothing sent' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest `
            -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1)) -SkipCompatibilityCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'BackupAndRestoreTimeBothGiven'
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'a restore time without a zone is refused even with -SkipCompatibilityCheck' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime '2026-01-01 10:00:00' `
            -SkipCompatibilityCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'RestoreTimeNotUtc'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}

Describe 'TargetNotBusy: a target being restored' {
    BeforeAll {
        Reset-Emulator
        Set-NextRestore -Instance erp-staging -Arrangement @{ duration_ms = 60000 }
        $script:first = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false
    }
    AfterAll { Reset-Emulator }

    It 'the first restore is accepted and the target is RESTORING' {
        $first.JobId | Should -Match '^[0-9a-f]{32}$'
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
    }

    It 'a second restore into it is refused by the client (TargetNotBusy), nothing sent' {
        $failure = Invoke-RefusedByClient @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdManual }
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -BeLike '*[TargetNotBusy]*'
    }

    It 'Test-RdsRestoreCompatibility says TargetNotBusy Failed' {
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdManual
        ($report.Rules | Where-Object RuleId -eq 'TargetNotBusy').Outcome | Should -Be 'Failed'
    }

    It 'with -SkipCompatibilityCheck the emulator answers 409 DBS.200011: RdsResourceBusy' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdManual `
            -SkipCompatibilityCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsResourceBusy'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failure[0].Exception.HttpStatus | Should -Be 409
        $failure[0].Exception.ErrorCode | Should -Be 'DBS.200011'
        # A busy answer is the service's decision: sent once, never again (issue 9).
        $posts = @(Get-RestorePost)
        $posts.status | Should -Be @(409)
    }

    It 'the source being restored into is also refused: a restore out of a RESTORING instance' {
        $failure = Invoke-RefusedByService @{ SourceInstanceId = $Ids.ErpStaging; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpStagingLatest }
        $failure.Exception.ErrorCode | Should -Be 'DBS.200011'
    }
}

Describe 'Test-RdsRestoreCompatibility on accepted pairs (reads only)' {
    BeforeAll { Reset-Emulator }

    It 'erp-prod into erp-staging passes every applicable rule' {
        Clear-RequestLog
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest
        $report.IsCompatible | Should -BeTrue
        $report.FailedRules | Should -BeNullOrEmpty
        $report.Rules.RuleId | Should -Be ([RdsRecovery.Rules.RdsRuleIds]::All)
        @(Get-RequestLog | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }

    It 'hr-sql2008r2-web into hr-sql2008r2-ee (the table allows WEB to EE) passes' {
        $backup = Get-LatestBackupId $Ids.HrWeb
        Test-RdsRestoreCompatibility -SourceInstanceId $Ids.HrWeb -TargetInstanceId $Ids.HrEe -BackupId $backup -Quiet | Should -BeTrue
    }

    It 'a point in time inside the window passes RestoreTimeInWindow' {
        $time = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)[1].Start.AddMinutes(10)
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime $time
        ($report.Rules | Where-Object RuleId -eq 'RestoreTimeInWindow').Outcome | Should -Be 'Passed'
    }

    It 'a CSV of pairs pipes in by property name, one report per row' {
        $csv = @"
source_instance_id,target_instance_id,backup_id
$($Ids.ErpProd),$($Ids.ErpStaging),$($Backups.ErpProdLatest)
$($Ids.ErpProd),$($Ids.ErpDevSmall),$($Backups.ErpProdLatest)
$($Ids.ErpProd),$($Ids.CrmStaging),$($Backups.ErpProdLatest)
"@ | ConvertFrom-Csv
        $reports = @($csv | Test-RdsRestoreCompatibility)
        $reports.IsCompatible | Should -Be @($true, $false, $false)
        $reports[1].FailedRules.RuleId | Should -Be 'TargetVolumeLargeEnough'
        $reports[2].FailedRules.RuleId | Should -Contain 'SameEngine'
    }

    It 'a backup from Get-RdsBackup pipes in as source and backup, as into Restore-RdsInstance' {
        $report = Get-RdsBackup -InstanceId $Ids.ErpProd -Status COMPLETED | Select-Object -First 1 |
            Test-RdsRestoreCompatibility -TargetInstanceId $Ids.ErpDevSmall
        $report.Request.SourceInstanceId | Should -Be $Ids.ErpProd
        $report.Request.BackupId | Should -Be $Backups.ErpProdLatest
        $report.FailedRules.RuleId | Should -Be 'TargetVolumeLargeEnough'
    }

    It 'instance objects from Get-RdsInstance work offline (ByObject set)' {
        $source = Get-RdsInstance -InstanceId $Ids.ErpProd
        $target = Get-RdsInstance -InstanceId $Ids.ErpDevSmall
        Clear-RequestLog
        $report = Test-RdsRestoreCompatibility -SourceInstance $source -TargetInstance $target -BackupId $Backups.ErpProdLatest
        $report.FailedRules.RuleId | Should -Be 'TargetVolumeLargeEnough'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}
