# Issue 13: manual backups (New-RdsBackup, Remove-RdsBackup), Restore-RdsInstance -BackupTargetFirst and
# Undo-RdsRestore, end to end against the emulator. What was (not) sent is read from the emulator's request log, what
# an instance holds from its data markers (data_version), so "undo puts the data back" is proven, not assumed.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name undo
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')

    function Set-NextBackup { param([string] $Instance, [hashtable] $Arrangement) Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$Instance/next-backup" -Method PUT -Body $Arrangement | Out-Null }
    # The requests that change something: POST/DELETE of backups and restore POSTs, in the order received.
    function Get-ChangeRequest { @(Get-RequestLog | Where-Object { $_.method -ne 'GET' } | ForEach-Object { "$($_.method) $(($_.path -split '\?')[0] -replace '^/v3(\.1)?/[0-9a-f]+', '')" }) }
    function Get-DataVersion { param([string] $Instance) (Get-EmulatorData $Instance).data_version }
    function Get-JournalLine { @(Get-Content -LiteralPath $env:RDSRECOVERY_JOURNAL | ForEach-Object { $_ | ConvertFrom-Json }) }
    # Puts erp-staging on known (not live) data: the marker of erp-prod's manual backup.
    function Set-KnownData {
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdManual -Force -Wait @Fast | Out-Null
        Get-DataVersion $Ids.ErpStaging
    }
    $script:Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest }
}

AfterAll { Stop-EndToEnd }

Describe 'New-RdsBackup' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'creates a manual backup (BUILDING); the instance is BACKING UP meanwhile and takes no second backup' {
        Set-NextBackup $Ids.ErpStaging @{ duration_ms = 120000 }
        $backup = New-RdsBackup -InstanceId erp-staging -Name 'before-upgrade-1' -Description 'before the upgrade' -Confirm:$false
        $backup | Should -BeOfType RdsRecovery.Model.RdsBackup
        $backup.Status | Should -Be 'BUILDING'
        $backup.Type | Should -Be 'manual'
        $backup.Description | Should -Be 'before the upgrade'
        $backup.InstanceId | Should -Be $Ids.ErpStaging
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'BACKING UP'
        New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'before-upgrade-2' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'RdsResourceBusy' -Because 'a second backup while the first is BUILDING is refused by the service'
        Get-ChangeRequest | Should -Be @('POST /backups', 'POST /backups')
    }

    It '-Wait follows the backup to COMPLETED; the instance is ACTIVE again and lists it' {
        $done = Get-RdsInstance -Name erp-dev-small | New-RdsBackup -Name 'before-upgrade' -Confirm:$false -Wait @Fast
        $done.Status | Should -Be 'COMPLETED'
        $done.EndTime | Should -Not -BeNullOrEmpty
        (Get-RdsInstance -InstanceId $Ids.ErpDevSmall).Status | Should -Be 'ACTIVE'
        (Get-RdsBackup -InstanceId $Ids.ErpDevSmall -Type manual | Where-Object Name -EQ 'before-upgrade').Id | Should -Be $done.Id
    }

    It 'refuses a name outside the documented grammar (<Name>) and sends nothing' -TestCases @(
        @{ Name = 'abc' }, @{ Name = '1backup' }, @{ Name = 'has space' }, @{ Name = 'dot.ted' }, @{ Name = ('a' * 65) }
    ) {
        New-RdsBackup -InstanceId $Ids.ErpStaging -Name $Name -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'InvalidBackupName'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].TargetObject | Should -Be $Name
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'refuses a description with a forbidden character, and -DatabaseName on MySQL; nothing is sent' {
        New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'good-name' -Description 'a=b' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'InvalidBackupDescription'
        New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'good-name' -DatabaseName erp -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure2
        $failure2[0] | Get-ErrorId | Should -Be 'InvalidBackupDatabases'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It '-WhatIf sends nothing' {
        New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'what-if-only' -WhatIf | Should -BeNullOrEmpty
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a host that cannot ask (-NonInteractive) ends with ConfirmationUnavailable and sends nothing' {
        $printed = Invoke-ChildPwsh -ConnectTo $Emulator "`$ConfirmPreference = 'Medium'; try { New-RdsBackup -InstanceId $($Ids.ErpStaging) -Name 'asked-first' -ErrorAction Stop } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId + ' ' + `$_.CategoryInfo.Category }"
        $printed | Should -Match 'CAUGHT ConfirmationUnavailable,\S+ InvalidOperation'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It '-Wait ends in a BackupFailed error when the backup FAILED' {
        Set-NextBackup $Ids.ErpStaging @{ fail_reason = 'disk error' }
        $backup = New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'doomed' -Confirm:$false -Wait @Fast -ErrorAction SilentlyContinue -ErrorVariable failure
        $backup.Status | Should -Be 'FAILED'
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'BackupFailed'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
    }

    It '-Wait ends in BackupWaitTimeout when the backup is still BUILDING at -Timeout' {
        Set-NextBackup $Ids.ErpStaging @{ duration_ms = 30000 }
        $backup = New-RdsBackup -InstanceId $Ids.ErpStaging -Name 'slow-one' -Confirm:$false -Wait -Timeout '00:00:01' @Fast -ErrorAction SilentlyContinue -ErrorVariable failure
        $backup.Status | Should -Be 'BUILDING'
        $failure[0] | Get-ErrorId | Should -Be 'BackupWaitTimeout'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }
}

Describe 'Remove-RdsBackup' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'deletes a piped manual backup; it is gone from the list' {
        Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdManual | Remove-RdsBackup -Force
        Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdManual | Should -BeNullOrEmpty
        Get-ChangeRequest | Should -Be @("DELETE /backups/$($Backups.ErpProdManual)")
    }

    It 'refuses an automated backup (BackupNotManual) and sends no DELETE' {
        Remove-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdLatest -Force -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'BackupNotManual'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a backup that does not exist is BackupNotFound; -WhatIf deletes nothing' {
        Remove-RdsBackup -InstanceId $Ids.ErpProd -BackupId 'nosuchbackupbr01' -Force -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'BackupNotFound'
        Remove-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdManual -WhatIf
        Get-ChangeRequest | Should -BeNullOrEmpty
        Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdManual | Should -Not -BeNullOrEmpty
    }

    It 'a host that cannot ask (-NonInteractive) ends with ConfirmationUnavailable and deletes nothing' {
        $printed = Invoke-ChildPwsh -ConnectTo $Emulator "try { Remove-RdsBackup -InstanceId $($Ids.ErpProd) -BackupId $($Backups.ErpProdManual) -ErrorAction Stop } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId + ' ' + `$_.CategoryInfo.Category }"
        $printed | Should -Match 'CAUGHT ConfirmationUnavailable,\S+ InvalidOperation'
        Get-ChangeRequest | Should -BeNullOrEmpty
        Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdManual | Should -Not -BeNullOrEmpty
    }
}

Describe 'Restore-RdsInstance -BackupTargetFirst and Undo-RdsRestore' {
    BeforeEach { Reset-Emulator }

    It 'takes a backup of the target before the restore, and Undo-RdsRestore returns the target to the data it had' {
        $before = Set-KnownData
        $before | Should -Not -BeNullOrEmpty
        Clear-RequestLog
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force -Wait @Fast
        $job.Status | Should -Be 'Completed'
        $job.SafetyBackupId | Should -Not -BeNullOrEmpty
        $safety = Get-RdsBackup -InstanceId $Ids.ErpStaging -BackupId $job.SafetyBackupId
        $safety.Name | Should -Match '^RdsRecovery-safety-\d{8}T\d{6}Z$'
        $safety.Status | Should -Be 'COMPLETED'
        Get-ChangeRequest | Should -Be @('POST /backups', 'POST /instances/recovery') -Because 'the backup comes first, then exactly one restore'
        $restored = Get-DataVersion $Ids.ErpStaging
        $restored | Should -Not -Be $before -Because 'the restore overwrote the target'

        Clear-RequestLog
        $undo = Undo-RdsRestore -Job $job -Force -Wait @Fast
        $undo | Should -BeOfType RdsRecovery.Model.RdsRestoreJob
        $undo.Status | Should -Be 'Completed'
        $undo.SourceInstanceId | Should -Be $Ids.ErpStaging
        $undo.TargetInstanceId | Should -Be $Ids.ErpStaging
        $undo.BackupId | Should -Be $job.SafetyBackupId
        Get-ChangeRequest | Should -Be @('POST /instances/recovery')
        Get-DataVersion $Ids.ErpStaging | Should -Be $before -Because 'the undo put back the data the target held before the restore'
    }

    It 'the job and every journal line of the restore carry SafetyBackupId; the backup step is journalled first' {
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force
        $lines = @(Get-JournalLine | Where-Object attemptId -EQ (Get-JournalLine | Where-Object jobId -EQ $job.JobId | Select-Object -First 1).attemptId)
        $lines.phase | Should -Be @('SafetyBackupSending', 'SafetyBackupStarted', 'SafetyBackupTaken', 'Sending', 'Submitted')
        ($lines | Where-Object phase -NE 'SafetyBackupSending').safetyBackupId | Sort-Object -Unique | Should -Be $job.SafetyBackupId
        (Get-RdsRestoreJob -JobId $job.JobId).SafetyBackupId | Should -Be $job.SafetyBackupId
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It '-WhatIf shows both steps with their exact bodies and sends nothing' {
        Clear-RequestLog
        $printed = (Invoke-ChildPwsh "Restore-RdsInstance -SourceInstanceId $($Ids.ErpProd) -TargetInstanceId $($Ids.ErpStaging) -BackupId $($Backups.ErpProdLatest) -BackupTargetFirst -WhatIf" -ConnectTo $Emulator) -replace '\s*\n\s*', ''
        $printed | Should -Match 'step 1: a manual backup .RdsRecovery-safety-\d{8}T\d{6}Z. of the target'
        $printed | Should -BeLike ('*Body of POST /v3/{project_id}/backups: {"instance_id":"' + $Ids.ErpStaging + '","name":"RdsRecovery-safety-*","description":"*"}*')
        $printed | Should -BeLike ('*Step 2*{"source":{"instance_id":"' + $Ids.ErpProd + '","type":"backup","backup_id":"' + $Backups.ErpProdLatest + '"},"target":{"instance_id":"' + $Ids.ErpStaging + '"}}*')
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a backup that FAILED restores nothing, and the error says so' {
        $before = Set-KnownData
        Set-NextBackup $Ids.ErpStaging @{ fail_reason = 'no space for backups' }
        Clear-RequestLog
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force @Fast -ErrorAction SilentlyContinue -ErrorVariable failure
        $job | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'SafetyBackupFailed'
        $failure[0].Exception.Message | Should -Match 'NOTHING WAS RESTORED'
        Get-ChangeRequest | Should -Be @('POST /backups')
        Get-DataVersion $Ids.ErpStaging | Should -Be $before
        (Get-JournalLine | Select-Object -Last 1).phase | Should -Be 'SafetyBackupFailed'
    }

    It 'a backup the service refuses (5xx) restores nothing' {
        Set-Fault @(@{ kind = 'error'; method = 'POST'; path = '/backups$'; status = 500; error_code = 'DBS.108000'; count = 1 })
        Clear-RequestLog
        Restore-RdsInstance @Restore -BackupTargetFirst -Force @Fast -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        Clear-Fault
        $failure[0] | Get-ErrorId | Should -Be 'SafetyBackupFailed'
        $failure[0].Exception.Message | Should -Match 'may exist'
        Get-ChangeRequest | Should -Be @('POST /backups') -Because 'the backup POST is not sent again after a 5xx, and no restore follows'
    }

    It 'a backup that does not complete within -BackupTimeout restores nothing (SafetyBackupTimedOut)' {
        Set-NextBackup $Ids.ErpStaging @{ duration_ms = 30000 }
        Clear-RequestLog
        Restore-RdsInstance @Restore -BackupTargetFirst -BackupTimeout '00:00:01' -Force @Fast -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'SafetyBackupTimedOut'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-ChangeRequest | Should -Be @('POST /backups')
        $null = Get-RdsRestoreJob -Recent -TargetInstanceId $Ids.ErpStaging -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match 'with -BackupTargetFirst was NOT sent: the backup step failed' -Because 'the journal explains a restore that stopped at its backup step'
    }

    It 'runs under -AsJob too: the job''s output carries the safety backup' {
        $background = Restore-RdsInstance @Restore -BackupTargetFirst -Force -Wait @Fast -AsJob
        $job = $background | Wait-Job -Timeout 120 | Receive-Job
        $background.State | Should -Be 'Completed'
        $job.Status | Should -Be 'Completed'
        $job.SafetyBackupId | Should -Not -BeNullOrEmpty
        (Get-RdsBackup -InstanceId $Ids.ErpStaging -BackupId $job.SafetyBackupId).Status | Should -Be 'COMPLETED'
        $background | Remove-Job
    }

    It 'is refused up front where no undo is possible: PostgreSQL under the v3.1 rules cannot be restored into itself' {
        $v31 = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -ApiVersion v3.1 -PassThru
        try {
            Clear-RequestLog
            Restore-RdsInstance -SourceInstanceId $Ids.CrmProd -TargetInstanceId $Ids.CrmStaging -BackupId $Backups.CrmProdLatest -BackupTargetFirst -Force -Connection $v31 -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure.Count | Should -Be 1
            $failure[0] | Get-ErrorId | Should -Be 'SafetyBackupNotPossible'
            $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            Get-ChangeRequest | Should -BeNullOrEmpty
        }
        finally { Connect-EndToEnd }
    }
}

Describe 'Undo-RdsRestore refusals' {
    BeforeEach { Reset-Emulator }

    It 'a job without a safety backup is UndoNoSafetyBackup; nothing is sent' {
        $job = Restore-RdsInstance @Restore -Force -Wait @Fast
        Clear-RequestLog
        Undo-RdsRestore -Job $job -Force -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'UndoNoSafetyBackup'
        $failure[0].TargetObject.JobId | Should -Be $job.JobId
        $failure[0].CategoryInfo.TargetName | Should -Be 'Job'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a job still running is UndoJobNotFinished; nothing is sent' {
        Set-NextRestore $Ids.ErpStaging @{ duration_ms = 20000 }
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force @Fast
        Start-Sleep -Milliseconds 400
        Clear-RequestLog
        Undo-RdsRestore -Job $job -Force -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'UndoJobNotFinished'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It 'a job whose safety backup was deleted is SafetyBackupGone; nothing is restored' {
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force -Wait @Fast
        Remove-RdsBackup -InstanceId $job.TargetInstanceId -BackupId $job.SafetyBackupId -Force
        Clear-RequestLog
        Undo-RdsRestore -JobId $job.JobId -Force -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'SafetyBackupGone'
        $failure[0].CategoryInfo.TargetName | Should -Be 'JobId' -Because 'the record names the parameter the user gave'
        Get-ChangeRequest | Should -BeNullOrEmpty
    }

    It '-JobId reads the job from the journal; an id it does not hold is UndoJobNotInJournal' {
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force -Wait @Fast
        $undo = Undo-RdsRestore -JobId $job.JobId -Force
        $undo.BackupId | Should -Be $job.SafetyBackupId
        $undo | Wait-RdsRestoreJob @Fast | Out-Null
        Undo-RdsRestore -JobId 'ff80808157127d9301571bf8160c001d' -Force -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'UndoJobNotInJournal'
    }

    It '-WhatIf sends nothing' {
        $job = Restore-RdsInstance @Restore -BackupTargetFirst -Force -Wait @Fast
        Clear-RequestLog
        Undo-RdsRestore -Job $job -WhatIf | Should -BeNullOrEmpty
        Get-ChangeRequest | Should -BeNullOrEmpty
    }
}
