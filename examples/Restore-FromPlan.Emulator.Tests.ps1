# The runbook run for real against the local RDS emulator: started in BeforeAll, stopped in AfterAll.
# The emulator's admin API arranges a failing job and shows what data each target holds afterwards.
BeforeAll {
    $module = if ($env:RDSRECOVERY_MODULE) { $env:RDSRECOVERY_MODULE } else { Join-Path $PSScriptRoot '../out/RdsRecovery' }
    Import-Module $module -Force
    Import-Module (Join-Path $PSScriptRoot '../tools/RdsEmulator.psm1') -Force
    $script:Runbook = Join-Path $PSScriptRoot 'Restore-FromPlan.ps1'

    $script:savedJournal = $env:RDSRECOVERY_JOURNAL
    $env:RDSRECOVERY_JOURNAL = Join-Path $TestDrive 'journal.jsonl'
    # Short jobs: visible after 0.2 s, done after 1.2 s.
    $script:emulator = Start-RdsTestEmulator -JobInvisibleMs 200 -JobDurationMs 1200
    $secret = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    $script:connection = Connect-RdsAccount -Region cn-north-4 -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secret -PassThru

    # Seeded instances (ids are fixed: see src/RdsRecovery.Emulator/README.md).
    $script:erpProd = Get-RdsInstance -Name erp-prod
    $script:erpStaging = Get-RdsInstance -Name erp-staging
    $script:erpDevSmall = Get-RdsInstance -Name erp-dev-small
    $script:crmProd = Get-RdsInstance -Name crm-pg12-prod
    $script:crmStaging = Get-RdsInstance -Name crm-pg12-staging
    $script:biWeb = Get-RdsInstance -Name bi-sql2016-web
    $script:biSe = Get-RdsInstance -Name bi-sql2016-se
    $script:billingStaging = Get-RdsInstance -Name billing-pg14-staging
    $script:billingProd = Get-RdsInstance -Name billing-pg14-prod
    $script:erpBackup = Get-RdsBackup -InstanceId $erpProd.Id -Status COMPLETED | Select-Object -First 1
    $script:biBackup = Get-RdsBackup -InstanceId $biWeb.Id -Status COMPLETED | Select-Object -First 1
    $script:billingBackup = Get-RdsBackup -InstanceId $billingProd.Id -Status COMPLETED | Select-Object -First 1
    $script:pitr = [DateTimeOffset]::FromUnixTimeSeconds((Get-RdsRestoreWindow -InstanceId $crmProd.Id)[0].End.AddHours(-2).ToUnixTimeSeconds())

    # Row 5 is arranged to fail inside the service.
    Invoke-RdsEmulatorAdmin $emulator -Path "instances/$($billingStaging.Id)/next-restore" -Method PUT -Body @{ fail_reason = 'Restore aborted: arranged by the example test' } | Out-Null

    $script:plan = Join-Path $TestDrive 'plan.csv'
    @(
        [pscustomobject]@{ source_instance_id = $erpProd.Id; target_instance_id = $erpStaging.Id; backup_id = $erpBackup.Id; restore_time = ''; database_name = '' }
        [pscustomobject]@{ source_instance_id = $erpProd.Id; target_instance_id = $erpDevSmall.Id; backup_id = $erpBackup.Id; restore_time = ''; database_name = '' }
        [pscustomobject]@{ source_instance_id = $crmProd.Id; target_instance_id = $crmStaging.Id; backup_id = ''; restore_time = $pitr.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"); database_name = '' }
        [pscustomobject]@{ source_instance_id = $biWeb.Id; target_instance_id = $biSe.Id; backup_id = $biBackup.Id; restore_time = ''; database_name = '{"sales":"sales_restored"}' }
        [pscustomobject]@{ source_instance_id = $billingProd.Id; target_instance_id = $billingStaging.Id; backup_id = $billingBackup.Id; restore_time = ''; database_name = '' }
        [pscustomobject]@{ source_instance_id = $erpProd.Id; target_instance_id = 'ffffffffffffffffffffffffffffffffin01'; backup_id = $erpBackup.Id; restore_time = ''; database_name = '' }
    ) | Export-Csv -Path $plan -NoTypeInformation

    Invoke-RdsEmulatorAdmin $emulator -Path requests -Method DELETE | Out-Null
    $script:results = @(& $Runbook -PlanPath $plan -Connection $connection -PollInterval '00:00:00.2' -Confirm:$false)

    function Get-Data([string] $Id) { Invoke-RdsEmulatorAdmin $emulator -Path "instances/$Id/data" }
    function Get-Marker([string] $Name, [DateTimeOffset] $At) { '{0}@{1}' -f $Name, $At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") }
}

AfterAll {
    Disconnect-RdsAccount
    if ($emulator) { $emulator | Stop-RdsTestEmulator }
    $env:RDSRECOVERY_JOURNAL = $savedJournal
}

Describe 'Restore-FromPlan against the emulator' {
    It 'reports one result per row, in plan order' {
        $results.Count | Should -Be 6
        $results.Row | Should -Be @(1, 2, 3, 4, 5, 6)
        $results.Outcome | Should -Be @('Completed', 'Refused', 'Completed', 'Completed', 'Failed', 'Invalid')
    }

    It 'row 1: erp-staging now holds erp-prod''s data as of the backup' {
        (Get-Data $erpStaging.Id).data_version | Should -Be (Get-Marker 'erp-prod' $erpBackup.EndTime)
        (Get-RdsInstance -InstanceId $erpStaging.Id).Status | Should -Be 'ACTIVE'
    }

    It 'row 2: refused by the volume rule, and nothing was sent for it' {
        $results[1].Reason | Should -BeLike 'row 2: `[TargetVolumeLargeEnough`]*'
        $posts = @((Invoke-RdsEmulatorAdmin $emulator -Path requests).requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' })
        $posts.Count | Should -Be 4
        $posts.body | ForEach-Object { ($_ | ConvertFrom-Json).target.instance_id } | Should -Not -Contain $erpDevSmall.Id
        (Get-Data $erpDevSmall.Id).live | Should -BeTrue
    }

    It 'row 3: crm-pg12-staging holds crm-pg12-prod as of the point in time' {
        (Get-Data $crmStaging.Id).data_version | Should -Be (Get-Marker 'crm-pg12-prod' $pitr)
    }

    It 'row 4: the SQL Server database was added under its new name' {
        $data = Get-Data $biSe.Id
        $data.databases.name | Should -Contain 'sales_restored'
        $data.databases.name | Should -Contain 'reporting_archive'
    }

    It 'row 5: the failed job carries the service''s reason; the target keeps its data' {
        $results[4].Reason | Should -Be 'row 5: Restore aborted: arranged by the example test'
        $results[4].JobId | Should -Not -BeNullOrEmpty
        (Get-Data $billingStaging.Id).live | Should -BeTrue
        (Get-RdsInstance -InstanceId $billingStaging.Id).Status | Should -Be 'ACTIVE'
    }

    It 'row 6: an unknown target is Invalid, named by the error id' {
        $results[5].Reason | Should -BeLike 'row 6: `[InstanceNotFound`]*'
    }
}

Describe 'Restore-FromPlan with PascalCase headers and instance names' {
    BeforeAll {
        $script:pascalPlan = Join-Path $TestDrive 'plan-pascal.csv'
        @(
            [pscustomobject]@{ SourceInstanceId = 'erp-prod'; TargetInstanceId = 'erp-staging'; BackupId = $erpBackup.Id; RestoreTime = ''; DatabaseName = '' }
            [pscustomobject]@{ SourceInstanceId = $crmProd.Id; TargetInstanceId = 'crm-pg12-staging'; BackupId = ''; RestoreTime = $pitr.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"); DatabaseName = '' }
        ) | Export-Csv -Path $pascalPlan -NoTypeInformation
        Invoke-RdsEmulatorAdmin $emulator -Path requests -Method DELETE | Out-Null
        $script:pascalResults = @(& $Runbook -PlanPath $pascalPlan -Connection $connection -PollInterval '00:00:00.2' -Confirm:$false)
    }

    It 'reads the same columns as the snake_case plan and completes both rows' {
        $pascalResults.Outcome | Should -Be @('Completed', 'Completed') -Because ($pascalResults.Reason -join ' | ')
    }

    It 'sends resolved ids, never the names' {
        $posts = @((Invoke-RdsEmulatorAdmin $emulator -Path requests).requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' })
        $bodies = @($posts.body | ConvertFrom-Json)
        $bodies.Count | Should -Be 2
        $bodies[0].source.instance_id | Should -Be $erpProd.Id
        $bodies[0].target.instance_id | Should -Be $erpStaging.Id
        $bodies[1].target.instance_id | Should -Be $crmStaging.Id
    }
}
