# -AsJob on Restore-RdsInstance and Wait-RdsRestoreJob against the emulator: a PowerShell job whose output is the
# typed objects; Receive-Job, Wait-Job and Stop-Job behave; Stop-Job while waiting stops the wait, never the restore,
# which goes on and is in the journal; a restore that would need a prompt is refused before anything starts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name asjob

    $script:Restore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest }
    $script:JobTimeout = 60

    function Get-JournalLines { @(Get-Content -LiteralPath $JournalPath -ErrorAction SilentlyContinue | ForEach-Object { $_ | ConvertFrom-Json }) }

    # Waits (bounded) until the emulator has received the restore POST: the job is then waiting.
    function Wait-RestoreSent {
        $deadline = [DateTime]::UtcNow.AddSeconds($JobTimeout)
        while (@(Get-RestorePost).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-RestorePost).Count | Should -Be 1
    }
}

AfterAll {
    Get-Job | Where-Object PSJobTypeName -eq 'RdsBackgroundJob' | Remove-Job -Force
    Stop-EndToEnd
}

Describe 'Restore-RdsInstance -AsJob' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'is refused with AsJobNeedsConfirmation when it would prompt, before anything starts or is sent' {
        $before = @(Get-Job).Count
        { Restore-RdsInstance @Restore -AsJob } | Should -Throw -ErrorId 'AsJobNeedsConfirmation,*'
        { Restore-RdsInstance @Restore -AsJob -Force -Confirm } | Should -Throw -ErrorId 'AsJobNeedsConfirmation,*'
        try { Restore-RdsInstance @Restore -AsJob -ErrorAction Stop } catch { $record = $_ }
        $record.CategoryInfo.Category | Should -Be 'InvalidOperation'
        @(Get-Job).Count | Should -Be $before
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'with -Force returns a job whose output is the typed restore job, sent once' {
        $job = Restore-RdsInstance @Restore -AsJob -Force
        $job | Should -BeOfType ([System.Management.Automation.Job])
        $job.PSJobTypeName | Should -Be 'RdsBackgroundJob'
        (Get-Job -Id $job.Id).Id | Should -Be $job.Id
        # Its Command is the command with its plain values, not this source line (which could hold a typed secret).
        $job.Command | Should -Match '^Restore-RdsInstance -'
        $job.Command | Should -Match "-SourceInstanceId $($Ids.ErpProd)( |$)"
        $job.Command | Should -Not -Match '\$job|@Restore'
        $job | Wait-Job -Timeout $JobTimeout | Out-Null
        $job.State | Should -Be 'Completed'
        $out = @($job | Receive-Job)
        $out.Count | Should -Be 1
        $out[0] | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $out[0].TargetInstanceId | Should -Be $Ids.ErpStaging
        $out[0].JobId | Should -Match '^[0-9a-f]{32}$'
        @(Get-RestorePost).Count | Should -Be 1
        (Get-JournalLines | Where-Object jobId -eq $out[0].JobId) | Should -Not -BeNullOrEmpty
        $job | Remove-Job
    }

    It 'with -Confirm:$false, or $ConfirmPreference None, needs no -Force' {
        $job = Restore-RdsInstance @Restore -AsJob -Confirm:$false
        $job | Wait-Job -Timeout $JobTimeout | Receive-Job | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        Reset-Emulator
        $ConfirmPreference = 'None'
        try { $job = Restore-RdsInstance @Restore -AsJob } finally { $ConfirmPreference = 'High' }
        ($job | Wait-Job -Timeout $JobTimeout | Receive-Job).JobId | Should -Match '^[0-9a-f]{32}$'
    }

    It 'with -Wait gives the job in its final state, Completed' {
        $job = Restore-RdsInstance @Restore -AsJob -Force -Wait @Fast
        $done = $job | Wait-Job -Timeout $JobTimeout | Receive-Job
        $job.State | Should -Be 'Completed'
        $done | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $done.Status | Should -Be 'Completed'
        $done.TargetStatus | Should -Be 'ACTIVE'
    }

    It 'takes piped CSV rows as the foreground command does: one job, one restore per row' {
        $rows = @"
source_instance_id,target_instance_id,backup_id
$($Ids.ErpProd),$($Ids.ErpStaging),$($Backups.ErpProdLatest)
$($Ids.CrmProd),$($Ids.CrmStaging),$($Backups.CrmProdLatest)
"@ | ConvertFrom-Csv
        $job = $rows | Restore-RdsInstance -AsJob -Force
        @($job).Count | Should -Be 1
        $out = @($job | Wait-Job -Timeout $JobTimeout | Receive-Job)
        $out.TargetInstanceId | Should -Be @($Ids.ErpStaging, $Ids.CrmStaging)
        @(Get-RestorePost).Count | Should -Be 2
    }

    It 'reports a refusal as the command''s own error record, and sends nothing' {
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpDevSmall -BackupId $Backups.ErpProdLatest -AsJob -Force
        $job | Wait-Job -Timeout $JobTimeout | Receive-Job -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        ($refused[0] | Get-ErrorId) | Should -Be 'RestoreIncompatible'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'with -WhatIf previews here, starts no job and sends nothing' {
        $before = @(Get-Job).Count
        Restore-RdsInstance @Restore -AsJob -WhatIf | Should -BeNullOrEmpty
        @(Get-Job).Count | Should -Be $before
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'offline is NotConnected before a job starts' {
        Disconnect-RdsAccount
        try { { Restore-RdsInstance @Restore -AsJob -Force } | Should -Throw -ErrorId 'NotConnected,*' }
        finally { Connect-EndToEnd }
    }

    It 'Stop-Job while waiting stops the wait; the restore already sent goes on and is in the journal' {
        Set-NextRestore erp-staging @{ duration_ms = 600000 }
        $known = @(Get-JournalLines).Count
        $job = Restore-RdsInstance @Restore -AsJob -Force -Wait @Fast
        Wait-RestoreSent
        $job | Stop-Job
        $job.State | Should -Be 'Stopped'
        $job | Receive-Job -WarningAction SilentlyContinue -WarningVariable said | Should -BeNullOrEmpty
        $sent = Get-JournalLines | Select-Object -Skip $known | Where-Object { $_.phase -eq 'Submitted' -and $_.targetInstanceId -eq $Ids.ErpStaging }
        @($sent).Count | Should -Be 1
        ($said -join ' ') | Should -BeLike "*Stopped waiting*$($sent.jobId)*"
        # The service still runs it: the target is being restored and the job is Running, not cancelled. Right after
        # the POST the service does not show the job yet (Submitted): wait, bounded, until it does.
        $deadline = [DateTime]::UtcNow.AddSeconds($JobTimeout)
        do { $status = (Get-RdsRestoreJob -JobId $sent.jobId).Status } while ($status -eq 'Submitted' -and [DateTime]::UtcNow -lt $deadline -and -not (Start-Sleep -Milliseconds 200))
        $status | Should -Be 'Running'
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
        @(Get-RestorePost).Count | Should -Be 1
        $job | Remove-Job
    }
}

Describe 'Wait-RdsRestoreJob -AsJob' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'waits in the background for a piped job, and Receive-Job gives it Completed' {
        $sent = Restore-RdsInstance @Restore -Force
        $job = $sent | Wait-RdsRestoreJob -AsJob @Fast
        $job.PSJobTypeName | Should -Be 'RdsBackgroundJob'
        $done = $job | Wait-Job -Timeout $JobTimeout | Receive-Job
        $job.State | Should -Be 'Completed'
        $done | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $done.JobId | Should -Be $sent.JobId
        $done.Status | Should -Be 'Completed'
    }

    It 'takes -JobId from the command line or from piped rows' {
        $sent = Restore-RdsInstance @Restore -Force
        (Wait-RdsRestoreJob -JobId $sent.JobId -AsJob @Fast | Wait-Job -Timeout $JobTimeout | Receive-Job).Status | Should -Be 'Completed'
        ([pscustomobject]@{ job_id = $sent.JobId } | Wait-RdsRestoreJob -AsJob @Fast | Wait-Job -Timeout $JobTimeout | Receive-Job).JobId |
            Should -Be $sent.JobId
    }

    It 'Stop-Job stops the waiting, never the restore' {
        Set-NextRestore erp-staging @{ duration_ms = 600000 }
        $sent = Restore-RdsInstance @Restore -Force
        $job = $sent | Wait-RdsRestoreJob -AsJob @Fast
        $deadline = [DateTime]::UtcNow.AddSeconds($JobTimeout)
        while ($job.State -ne 'Running' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds 500
        $job | Stop-Job
        $job.State | Should -Be 'Stopped'
        (Get-RdsRestoreJob -JobId $sent.JobId).Status | Should -Be 'Running'
        @(Get-RestorePost).Count | Should -Be 1
        $job | Remove-Job
    }

    It 'an invalid -PollInterval is refused before a job starts' {
        { $null | Wait-RdsRestoreJob -JobId 'x1' -AsJob -PollInterval ([TimeSpan]::FromMilliseconds(1)) } | Should -Throw -ErrorId 'InvalidWaitSetting,*'
    }
}
