# What a DBA sees against the emulator: rules judged on the facts of the restore point (a database dropped since a
# point in time), refusals that name the safe fix, and default views that fit 80 columns and show names.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name views
    $script:Fast = @{ PollInterval = [TimeSpan]::FromMilliseconds(200) }

    # The instance now holds exactly these databases (a DBA dropped or created some); earlier states stay.
    function Set-Databases([string] $Instance, [string[]] $Names) {
        Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$Instance/databases" -Method PUT -Body @{ databases = $Names } | Out-Null
    }

    function Assert-Fits80([string] $Text) {
        foreach ($line in $Text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 -Because "'$line' must fit 80 columns" }
    }

    # A point in time after bi-sql2016-web's latest backup and before anything this test changes now.
    function Get-RecentPoint { [DateTimeOffset]::UtcNow.AddMinutes(-10) }
}

AfterAll { Stop-EndToEnd }

Describe 'DatabaseToRestoreExists judges the databases of the restore point' {
    BeforeEach { Reset-Emulator }

    It 'lets a point-in-time restore bring back a database dropped after that time' {
        $point = Get-RecentPoint
        Set-Databases $Ids.BiWeb @('reporting')    # 'sales' dropped just now
        (Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb).Name | Should -Not -Contain 'sales'

        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -RestoreTime $point -DatabaseName @{ sales = 'sales_back' } -WarningVariable warned
        $rule = $report['DatabaseToRestoreExists']
        $rule.Outcome | Should -Be 'Passed'
        $rule.Message | Should -Match $Backups.BiWebLatest
        $warned | Should -BeNullOrEmpty

        $job = Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -RestoreTime $point -DatabaseName @{ sales = 'sales_back' } -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
        (Get-EmulatorData $Ids.BiSe).databases.name | Should -Contain 'sales_back'
    }

    It 'does not fail a database missing from the nearest earlier backup: NotChecked with a warning, and the service decides' {
        Set-Databases $Ids.BiWeb @('sales', 'reporting', 'sales_2027')    # created after the latest backup
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -RestoreTime (Get-RecentPoint) -DatabaseName @{ sales_2027 = 'sales_2027_back' } -WarningVariable warned -WarningAction SilentlyContinue
        $report['DatabaseToRestoreExists'].Outcome | Should -Be 'NotChecked'
        $report.IsCompatible | Should -BeTrue
        "$warned" | Should -Match 'DatabaseToRestoreExists'
        "$warned" | Should -Match "'sales_2027'"
    }

    It 'still refuses, before sending, a name the backup itself does not hold' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.BiWeb -TargetInstanceId $Ids.BiSe -BackupId $Backups.BiWebLatest -DatabaseName @{ nosuchdb = 'x_copy' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $failure[0].Exception.Message | Should -Match 'DatabaseToRestoreExists'
        Get-RestorePost | Should -BeNullOrEmpty
    }
}

Describe 'Refusals name the safe fix' {
    BeforeEach { Reset-Emulator; Clear-Fault }
    AfterAll { Clear-Fault }

    It 'after a restore whose answer was lost, a rerun is refused without suggesting -SkipCompatibilityCheck' {
        $restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest; Confirm = $false }
        Set-NextRestore $Ids.ErpStaging @{ duration_ms = 60000 }
        Set-Fault @{ kind = 'drop'; when = 'after'; method = 'POST'; path = '/instances/recovery$'; count = 1 }
        Restore-RdsInstance @restore -ErrorAction SilentlyContinue -ErrorVariable lost | Out-Null
        $lost[0] | Get-ErrorId | Should -Be 'RestoreOutcomeUnknown'
        Clear-Fault
        Clear-RequestLog

        Restore-RdsInstance @restore -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $message = $refused[0].Exception.Message
        $message | Should -Match 'TargetNotBusy'
        $message | Should -Not -Match 'SkipCompatibilityCheck'
        $message | Should -Match 'Get-RdsRestoreJob -Recent'
        $message | Should -Match 'Do not send another restore'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'offers -SkipCompatibilityCheck only where the version table may lag the service' {
        # fin-sql2012-ee -> fin-sql2012-se (both 200 GB): only the edition table refuses it.
        $finEe = '9a69211609c271aeaa397b8d15f93542in04'; $finSe = '20c920becd77113f5fe1979dfc397a21in04'
        Restore-RdsInstance -SourceInstanceId $finEe -TargetInstanceId $finSe -BackupId ((Get-RdsBackup -InstanceId $finEe -Status COMPLETED)[0].Id) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -Match '1 compatibility rule'
        $refused[0].Exception.Message | Should -Match 'SqlServerVersionAllowed'
        $refused[0].Exception.Message | Should -Match '-SkipCompatibilityCheck'

        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpDevSmall -BackupId $Backups.ErpProdLatest -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable small
        $small[0].Exception.Message | Should -Match 'Extend the target'
        $small[0].Exception.Message | Should -Not -Match 'SkipCompatibilityCheck'
    }
}

Describe 'Default views at 80 columns against the emulator' {
    BeforeAll { Reset-Emulator }

    It 'instances show name, engine, full version with the SQL Server edition, status and size' {
        $text = Get-RdsInstance | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'hr-sql2008r2-web\s+SQLServer\s+2008_R2_WEB\s+Single\s+ACTIVE\s+100'
        $text | Should -Match 'erp-prod\s+MySQL\s+5\.7\.38\s+Ha\s+ACTIVE\s+100'
    }

    It 'backups show type, status, end time and size' {
        $text = Get-RdsBackup -InstanceId $Ids.ErpProd | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'auto\s+COMPLETED\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\d'
        $text | Should -Match 'manual\s+FAILED'
        $text | Should -Match 'auto\s+BUILDING'
    }

    It 'restore windows and databases show the instance name' {
        $windows = @(Get-RdsRestoreWindow -InstanceId $Ids.ErpProd)
        $windows[0].InstanceName | Should -Be 'erp-prod'
        $text = $windows | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'erp-prod\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\d+(d|h|m) '

        $databases = Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb
        $text = $databases | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'bi-sql2016-web\s+sales\s+Running'
    }

    It 'a compatibility report and a job fit 80 columns' {
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpDevSmall -BackupId $Backups.ErpProdLatest
        $text = $report | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'erp-prod'
        $text | Should -Match '(?m)^  FAILED\s+TargetVolumeLargeEnough'
        Assert-Fits80 ($report | Out-String -Width 400)

        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait @Fast
        $text = $job | Out-String -Width 80
        Assert-Fits80 $text
        $text | Should -Match 'erp-staging\s+Completed'
    }
}
