# Restores submitted for real against the emulator: the pipelines users write, CSV plans, ConvertFrom-Json objects,
# points in time, SQL Server database maps, restoring into the same instance, and proof from the emulator's data
# model that the target now holds the source's data at that backup or time.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name restore

    # The emulator's data version marker: '<instance name>@<UTC time to the second>'.
    function Get-Marker([string] $Name, [DateTimeOffset] $At) { '{0}@{1}' -f $Name, $At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") }
    function Get-BackupMarker([string] $InstanceId, [string] $BackupId) {
        $backup = Get-RdsBackup -InstanceId $InstanceId -BackupId $BackupId
        $name = (Get-RdsInstance -InstanceId $InstanceId).Name
        Get-Marker $name $backup.EndTime
    }
}

AfterAll { Stop-EndToEnd }

Describe 'Pipelines from the reading cmdlets into Restore-RdsInstance' {
    BeforeAll { Reset-Emulator }

    It 'Get-RdsInstance -Name x | Get-RdsBackup | Select -First 1 | Restore-RdsInstance -TargetInstanceId y submits one restore of that backup' {
        Clear-RequestLog
        $job = Get-RdsInstance -Name erp-staging | Get-RdsBackup | Select-Object -First 1 |
            Restore-RdsInstance -TargetInstanceId $Ids.ErpStaging -Confirm:$false
        $job | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $job.SourceInstanceId | Should -Be $Ids.ErpStaging
        $job.TargetInstanceId | Should -Be $Ids.ErpStaging
        $job.BackupId | Should -Be $Backups.ErpStagingLatest
        $job.JobId | Should -Match '^[0-9a-f]{32}$'
        $job.SubmittedAt | Should -Not -BeNullOrEmpty
        $job.RequestId | Should -Not -BeNullOrEmpty
        $posts = @(Get-RestorePost)
        $posts.Count | Should -Be 1
        $body = $posts[0].body | ConvertFrom-Json
        $body.source.instance_id | Should -Be $Ids.ErpStaging
        $body.source.type | Should -Be 'backup'
        $body.source.backup_id | Should -Be $Backups.ErpStagingLatest
        $body.target.instance_id | Should -Be $Ids.ErpStaging
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'Restore-RdsInstance | Wait-RdsRestoreJob ends Completed with the target ACTIVE' {
        $done = Get-RdsBackup -InstanceId $Ids.ErpProd -Status COMPLETED | Select-Object -First 1 |
            Restore-RdsInstance -TargetInstanceId $Ids.ErpStaging -Confirm:$false | Wait-RdsRestoreJob @Fast
        $done.Status | Should -Be 'Completed'
        $done.TargetStatus | Should -Be 'ACTIVE'
        $done.Ended | Should -Not -BeNullOrEmpty
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'ACTIVE'
    }

    It 'the restored target holds the source''s data as of the backup' {
        $marker = Get-BackupMarker $Ids.ErpProd $Backups.ErpProdLatest
        $data = Get-EmulatorData erp-staging
        $data.data_version | Should -Be $marker
        $data.live | Should -BeFalse
        $data.databases.name | Sort-Object | Should -Be @('erp', 'erp_audit')
        $data.databases.data_version | Sort-Object -Unique | Should -Be $marker
    }

    It 'the source is untouched' {
        (Get-EmulatorData erp-prod).live | Should -BeTrue
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Status | Should -Be 'ACTIVE'
    }

    It 'an older backup restores older data' {
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdOldest -Force -Wait @Fast |
            Select-Object -ExpandProperty Status | Should -Be 'Completed'
        (Get-EmulatorData erp-staging).data_version | Should -Be (Get-BackupMarker $Ids.ErpProd $Backups.ErpProdOldest)
    }

    It 'the instance_id of a backup binds as the source, its id as the backup (ConvertFrom-Json of the API answer)' {
        $answer = "{`"backups`":[{`"id`":`"$($Backups.CrmProdLatest)`",`"instance_id`":`"$($Ids.CrmProd)`",`"status`":`"COMPLETED`"}],`"total_count`":1}"
        Clear-RequestLog
        $job = $answer | ConvertFrom-Json | Select-Object -ExpandProperty backups |
            Restore-RdsInstance -TargetInstanceId $Ids.CrmStaging -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        @(Get-RestorePost).Count | Should -Be 1
        (Get-EmulatorData crm-pg12-staging).data_version | Should -Be (Get-BackupMarker $Ids.CrmProd $Backups.CrmProdLatest)
    }

    It '-WhatIf against the service makes reads only and changes nothing' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -WhatIf | Should -BeNullOrEmpty
        @(Get-RequestLog).Count | Should -BeGreaterThan 0
        @(Get-RequestLog | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'ACTIVE'
    }

    # Only where the host cannot prompt (the build runs pwsh -NonInteractive); an interactive run would ask.
    It 'a host that cannot prompt (-NonInteractive) refuses with ConfirmationUnavailable and sends nothing' -Skip:(-not ([Environment]::GetCommandLineArgs() -match '^-noni')) {
        Clear-RequestLog
        $failure = $null
        try { Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm -ErrorAction Stop }
        catch { $failure = $_ }
        $failure | Get-ErrorId | Should -Be 'ConfirmationUnavailable'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It '-WhatIf wins over -Force' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Force -WhatIf | Should -BeNullOrEmpty
        Get-RestorePost | Should -BeNullOrEmpty
    }
}

Describe 'A CSV restore plan with a refused row' {
    BeforeAll {
        Reset-Emulator
        $script:planFile = Join-Path ([IO.Path]::GetTempPath()) "rds-e2e-plan-$([guid]::NewGuid().ToString('N')).csv"
        $script:pitr = (Get-RdsRestoreWindow -InstanceId $Ids.CrmProd)[0].End.AddHours(-3)
        @(
            [pscustomobject]@{ source_instance_id = $Ids.ErpProd; target_instance_id = $Ids.ErpStaging; backup_id = $Backups.ErpProdLatest; restore_time = '' }
            [pscustomobject]@{ source_instance_id = $Ids.ErpProd; target_instance_id = $Ids.ErpDevSmall; backup_id = $Backups.ErpProdLatest; restore_time = '' }
            [pscustomobject]@{ source_instance_id = $Ids.CrmProd; target_instance_id = $Ids.CrmStaging; backup_id = ''; restore_time = $pitr.ToString('o') }
        ) | Export-Csv -Path $planFile -NoTypeInformation
        Clear-RequestLog
        $script:jobs = @(Import-Csv $planFile | Restore-RdsInstance -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable planErrors)
        $script:planErrors = @($planErrors)
    }
    AfterAll { Remove-Item $planFile -ErrorAction SilentlyContinue }

    It 'submits the good rows' {
        $jobs.Count | Should -Be 2
        $jobs.TargetInstanceId | Should -Be @($Ids.ErpStaging, $Ids.CrmStaging)
        @(Get-RestorePost).Count | Should -Be 2
    }

    It 'refuses the bad row with an error naming its source, target and rule' {
        $planErrors.Count | Should -Be 1
        $planErrors[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $planErrors[0].Exception.Message | Should -BeLike "*$($Ids.ErpProd)*$($Ids.ErpDevSmall)*"
        $planErrors[0].Exception.Message | Should -BeLike '*[TargetVolumeLargeEnough]*'
        # The record says which input it came from: the 2nd row that reached Restore-RdsInstance.
        $planErrors[0].PipelineIterationInfo[-1] | Should -Be 2
    }

    It 'a blank cell is not given: the point-in-time row was sent as a timestamp restore' {
        $body = (Get-RestorePost | Where-Object { ($_.body | ConvertFrom-Json).target.instance_id -eq $Ids.CrmStaging }).body | ConvertFrom-Json
        $body.source.type | Should -Be 'timestamp'
        $body.source.restore_time | Should -Be $pitr.ToUnixTimeMilliseconds()
        $body.source.PSObject.Properties.Name | Should -Not -Contain 'backup_id'
    }

    It 'the submitted jobs complete, and each target holds its source''s data' {
        $done = @($jobs | Wait-RdsRestoreJob @Fast)
        $done.Status | Should -Be @('Completed', 'Completed')
        (Get-EmulatorData erp-staging).data_version | Should -Be (Get-BackupMarker $Ids.ErpProd $Backups.ErpProdLatest)
        (Get-EmulatorData crm-pg12-staging).data_version | Should -Be (Get-Marker 'crm-pg12-prod' $pitr)
    }

    It 'the refused target was never touched' {
        (Get-EmulatorData erp-dev-small).live | Should -BeTrue
    }
}

Describe 'Point-in-time restores' {
    BeforeAll { Reset-Emulator }

    It 'a DateTimeOffset inside the window restores the source as of that second' {
        $time = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)[1].Start.AddMinutes(7).AddSeconds(13)
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime $time -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $job.RestoreTime | Should -Be $time
        (Get-EmulatorData erp-staging).data_version | Should -Be (Get-Marker 'erp-prod' $time)
    }

    It 'a string with an offset (+08:00) is the same instant in UTC on the wire' {
        $utc = (Get-RdsRestoreWindow -InstanceId $Ids.CrmProd)[0].End.AddHours(-5)
        $utc = [DateTimeOffset]::FromUnixTimeSeconds($utc.ToUnixTimeSeconds())
        $text = $utc.ToOffset([TimeSpan]::FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz")
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.CrmProd -TargetInstanceId $Ids.CrmStaging -RestoreTime $text -Confirm:$false -Wait @Fast | Out-Null
        ((Get-RestorePost)[0].body | ConvertFrom-Json).source.restore_time | Should -Be $utc.ToUnixTimeMilliseconds()
        (Get-EmulatorData crm-pg12-staging).data_version | Should -Be (Get-Marker 'crm-pg12-prod' $utc)
    }

    It 'Unix milliseconds from a JSON plan (restore_time) bind and restore' {
        $utc = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)[1].End.AddHours(-1)
        $ms = [DateTimeOffset]::FromUnixTimeSeconds($utc.ToUnixTimeSeconds()).ToUnixTimeMilliseconds()
        $plan = "[{`"source_instance_id`":`"$($Ids.ErpProd)`",`"target_instance_id`":`"$($Ids.ErpStaging)`",`"restore_time`":$ms}]" | ConvertFrom-Json
        $job = $plan | Restore-RdsInstance -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        (Get-EmulatorData erp-staging).data_version | Should -Be (Get-Marker 'erp-prod' ([DateTimeOffset]::FromUnixTimeMilliseconds($ms)))
    }

    It 'a time in the log gap is refused before sending; the target keeps its data' {
        $before = (Get-EmulatorData erp-staging).data_version
        $gap = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)[0].End.AddMinutes(45)
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime $gap -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].Exception.Message | Should -BeLike '*[RestoreTimeInWindow]*'
        Get-RestorePost | Should -BeNullOrEmpty
        (Get-EmulatorData erp-staging).data_version | Should -Be $before
    }

    It 'a time in the future is RestoreTimeInFuture, nothing sent' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(2)) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'RestoreTimeInFuture'
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'the last minutes (after the window''s end) are refused by the rule' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime ([DateTimeOffset]::UtcNow.AddSeconds(-30)) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].Exception.Message | Should -BeLike '*[RestoreTimeInWindow]*'
        Get-RestorePost | Should -BeNullOrEmpty
    }
}

Describe 'SQL Server database maps' {
    BeforeAll {
        Reset-Emulator
        $script:biMarker = Get-BackupMarker $Ids.BiWeb $Backups.BiWebLatest
    }

    It 'a rename adds the database under its new name; the target''s own databases stay' {
        Clear-RequestLog
        $job = Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName @{ sales = 'sales_copy' } -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $job.Name | Should -Be 'SingleDbRestoreSqlserverInInstance'
        ((Get-RestorePost)[0].body | ConvertFrom-Json).source.database_name.sales | Should -Be 'sales_copy'
        $data = Get-EmulatorData bi-sql2016-se
        $data.databases.name | Sort-Object | Should -Be @('reporting_archive', 'sales_copy')
        ($data.databases | Where-Object name -eq 'sales_copy').data_version | Should -Be $biMarker
        ($data.databases | Where-Object name -eq 'reporting_archive').data_version | Should -Not -Be $biMarker
        @(Get-RdsSqlServerDatabase -InstanceId $Ids.BiSe).Name | Should -Contain 'sales_copy'
    }

    It 'the same new name again now clashes with the target (DatabaseNameNotInUse), nothing sent' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName @{ sales = 'Sales_Copy' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -BeLike '*[DatabaseNameNotInUse]*'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'an empty new name keeps the original name' {
        $job = Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName ([ordered]@{ reporting = '' }) -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $data = Get-EmulatorData bi-sql2016-se
        $data.databases.name | Sort-Object | Should -Be @('reporting', 'reporting_archive', 'sales_copy')
        ($data.databases | Where-Object name -eq 'reporting').data_version | Should -Be $biMarker
    }

    It 'a map from ConvertFrom-Json (the API''s database_name object) binds' {
        $map = '{"sales":"sales_2"}' | ConvertFrom-Json
        $job = Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName $map -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        (Get-EmulatorData bi-sql2016-se).databases.name | Should -Contain 'sales_2'
    }

    It 'a database the backup does not hold is refused by the emulator (DBS.280128) under -SkipCompatibilityCheck' {
        Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName @{ nosuchdb = 'x_copy' } `
            -SkipCompatibilityCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].Exception.ErrorCode | Should -Be 'DBS.280128'
        $failure[0].Exception.HttpStatus | Should -Be 400
    }

    It 'without a map the target''s databases are replaced by the restored set' {
        $backup = (Get-RdsBackup -InstanceId $Ids.DwEeStaging -Status COMPLETED | Select-Object -First 1).Id
        $job = Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $data = Get-EmulatorData dw-sql2017-ee-staging
        $data.databases.name | Sort-Object | Should -Be @('dw', 'staging')
        $data.data_version | Should -Be (Get-BackupMarker $Ids.DwEe $Backups.DwEeLatest)
        $backup | Should -Not -BeNullOrEmpty
    }

    It 'hr-sql2008r2-web into hr-sql2008r2-ee (WEB to EE of the same year) is accepted and completes' {
        $backup = (Get-RdsBackup -InstanceId $Ids.HrWeb -Status COMPLETED | Select-Object -First 1).Id
        $job = Restore-RdsInstance -SourceInstanceId $Ids.HrWeb -TargetInstanceId $Ids.HrEe -BackupId $backup -DatabaseName @{ hr_core = 'hr_core_restored' } -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        (Get-EmulatorData hr-sql2008r2-ee).databases.name | Sort-Object | Should -Be @('hr_archive', 'hr_core_restored')
    }
}

Describe 'Restoring an instance into itself' {
    BeforeAll { Reset-Emulator }

    It 'a backup of the target restores the target to that backup' {
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ShopProd -TargetInstanceId $Ids.ShopProd -BackupId (Get-RdsBackup -InstanceId $Ids.ShopProd -Status COMPLETED | Select-Object -Last 1).Id -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $job.SourceInstanceId | Should -Be $job.TargetInstanceId
        $oldest = Get-RdsBackup -InstanceId $Ids.ShopProd -Status COMPLETED | Select-Object -Last 1
        (Get-EmulatorData shop-mysql80-prod).data_version | Should -Be (Get-Marker 'shop-mysql80-prod' $oldest.EndTime)
    }

    It 'a point in time of the target itself' {
        $time = (Get-RdsRestoreWindow -InstanceId $Ids.CrmProd)[0].Start.AddHours(6)
        $job = Restore-RdsInstance -SourceInstanceId $Ids.CrmProd -TargetInstanceId $Ids.CrmProd -RestoreTime $time -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        (Get-EmulatorData crm-pg12-prod).data_version | Should -Be (Get-Marker 'crm-pg12-prod' $time)
        (Get-RdsInstance -InstanceId $Ids.CrmProd).Status | Should -Be 'ACTIVE'
    }
}

Describe 'The local journal' {
    It 'records every submitted restore with its job id in $env:RDSRECOVERY_JOURNAL, and no secret' {
        Test-Path $JournalPath | Should -BeTrue
        $text = Get-Content $JournalPath -Raw
        $text | Should -Match '[0-9a-f]{32}'
        $text | Should -Not -BeLike "*$($Emulator.SecretKey)*"
    }
}
