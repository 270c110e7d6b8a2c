# Restore jobs against the emulator: Get-RdsRestoreJob (-JobId, -Recent), Wait-RdsRestoreJob (objects, ids,
# -Timeout), Restore-RdsInstance -Wait, a failed job, the target RESTORING then ACTIVE, the job-id completer.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name jobs

    function Submit-ErpRestore([string] $Target = $Ids.ErpStaging, [string] $Backup = $Backups.ErpProdLatest) {
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Target -BackupId $Backup -Confirm:$false
    }
    function Get-JobPoll { @(Get-RequestLog | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/jobs?id=*' }) }
}

AfterAll { Stop-EndToEnd }

Describe 'A job from submission to the end' {
    BeforeAll {
        Reset-Emulator
        # A little longer than the default 1.2 s, so the RESTORING look below is not raced on a loaded machine.
        Set-NextRestore -Instance erp-staging -Arrangement @{ duration_ms = 3000 }
        $script:job = Submit-ErpRestore
        $script:early = Get-RdsRestoreJob -JobId $job.JobId -ErrorVariable earlyErrors
        $script:earlyErrors = @($earlyErrors)
        $script:targetAfterSubmit = (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status
        $script:done = Get-RdsRestoreJob -JobId $job.JobId | Wait-RdsRestoreJob @Fast
    }

    It 'the job written at submission says what was asked and is typed' {
        $job | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $job.SourceInstanceId | Should -Be $Ids.ErpProd
        $job.BackupId | Should -Be $Backups.ErpProdLatest
        $job.TargetInstanceName | Should -Be 'erp-staging'
        # Read before the POST, the target was ACTIVE; it no longer is, so the job must not say so.
        $job.TargetStatus | Should -Not -Be 'ACTIVE'
    }

    It 'the target is RESTORING as soon as the restore is accepted' {
        $targetAfterSubmit | Should -Be 'RESTORING'
    }

    It 'a job too new to be visible (DBS.200543) is no error: it stays Submitted' {
        $earlyErrors | Should -BeNullOrEmpty
        $early.JobId | Should -Be $job.JobId
        $early.Status | Should -BeIn 'Submitted', 'Running'
    }

    It 'Get-RdsRestoreJob -JobId | Wait-RdsRestoreJob ends Completed with the target ACTIVE' {
        $done.Status | Should -Be 'Completed'
        $done.TargetStatus | Should -Be 'ACTIVE'
        $done.Name | Should -Be 'RestoreExistInstance'
        $done.Ended | Should -BeGreaterThan $done.Created
        $done.Duration | Should -BeGreaterThan ([TimeSpan]::Zero)
        $done.FailReason | Should -BeNullOrEmpty
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'ACTIVE'
    }

    It 'Get-RdsRestoreJob afterwards reads the finished job, with its source and backup from the journal' {
        $again = Get-RdsRestoreJob -JobId $job.JobId
        $again.Status | Should -Be 'Completed'
        $again.SourceInstanceId | Should -Be $Ids.ErpProd
        $again.BackupId | Should -Be $Backups.ErpProdLatest
        # One request per job: the target's status is Wait-RdsRestoreJob's and Get-RdsInstance's to tell.
        $again.TargetStatus | Should -BeNullOrEmpty
    }
}

Describe 'Get-RdsRestoreJob while running' {
    BeforeAll {
        Reset-Emulator
        Set-NextRestore -Instance erp-staging -Arrangement @{ duration_ms = 60000 }
        $script:job = Submit-ErpRestore
        # Past the invisible moment (200 ms) without measuring anything: ask until the service shows the job.
        $script:running = $null
        foreach ($i in 1..50) {
            $script:running = Get-RdsRestoreJob -JobId $job.JobId
            if ($running.Status -eq 'Running') { break }
            Start-Sleep -Milliseconds 100
        }
    }

    It 'reports Running with the service''s percentage and the target RESTORING' {
        $running.Status | Should -Be 'Running'
        $running.Progress | Should -Match '^\d{1,3}%$'
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
        $running.Ended | Should -BeNullOrEmpty
        $running.IsFinished | Should -BeFalse
    }

    It 'binds job_id by property name (ConvertFrom-Json of the POST answer)' {
        $answer = "{`"job_id`":`"$($job.JobId)`"}" | ConvertFrom-Json
        ($answer | Get-RdsRestoreJob).JobId | Should -Be $job.JobId
    }

    It 'Wait-RdsRestoreJob -Timeout stops the waiting, not the restore, and says how to resume' {
        Clear-RequestLog
        $result = Wait-RdsRestoreJob -Job $job -Timeout '00:00:01' @Fast -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreJobWaitTimeout'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure[0].Exception.Message | Should -BeLike "*Get-RdsRestoreJob -JobId '$($job.JobId)' | Wait-RdsRestoreJob*"
        $failure[0].Exception.Message | Should -BeLike '*The restore goes on*'
        $failure[0].Exception.Message | Should -Not -BeLike '*target ACTIVE*'
        $result.Status | Should -Be 'Running'
        @(Get-JobPoll).Count | Should -BeGreaterOrEqual 1
        # Nothing was cancelled: the target is still being restored.
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'Wait-RdsRestoreJob -JobId (the ById set) times out the same way' {
        Wait-RdsRestoreJob -JobId $job.JobId -Timeout '00:00:00.5' @Fast -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure[0] | Get-ErrorId | Should -Be 'RestoreJobWaitTimeout'
    }

    It 'stopping the pipeline (Ctrl+C) stops the waiting, not the restore' {
        $runspace = [powershell]::Create()
        try {
            $connection = Connect-EndToEnd -PassThru
            Clear-RequestLog
            $null = $runspace.AddScript({
                    param($ModulePath, $Connection, $JobId)
                    Import-Module $ModulePath
                    Wait-RdsRestoreJob -JobId $JobId -Connection $Connection -PollInterval '00:00:00.2'
                }).AddArgument($env:RDSRECOVERY_MODULE).AddArgument($connection).AddArgument($job.JobId)
            $async = $runspace.BeginInvoke()
            # Stop once the wait is really polling (counted in the request log, not timed).
            foreach ($i in 1..100) { if (@(Get-JobPoll).Count -ge 2) { break }; Start-Sleep -Milliseconds 100 }
            @(Get-JobPoll).Count | Should -BeGreaterOrEqual 2
            $runspace.Stop()
            $runspace.InvocationStateInfo.State | Should -Be 'Stopped'
            $async.IsCompleted | Should -BeTrue
            (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
            (Get-RdsRestoreJob -JobId $job.JobId).Status | Should -Be 'Running'
            Get-RestorePost | Should -BeNullOrEmpty
        }
        finally { $runspace.Dispose() }
    }

    It 'Get-RdsRestoreJob -Recent finds the running job from the journal' {
        $recent = @(Get-RdsRestoreJob -Recent)
        $recent.JobId | Should -Contain $job.JobId
        ($recent | Where-Object JobId -eq $job.JobId).Status | Should -Be 'Running'
    }

    It 'Get-RdsRestoreJob -Recent -TargetInstanceId filters by target' {
        @(Get-RdsRestoreJob -Recent -TargetInstanceId $Ids.ErpStaging).JobId | Should -Contain $job.JobId
        @(Get-RdsRestoreJob -Recent -TargetInstanceId $Ids.CrmStaging) | Should -BeNullOrEmpty
    }

    It 'Get-RdsRestoreJob -Recent -Within a tiny span finds nothing' {
        Start-Sleep -Milliseconds 50
        @(Get-RdsRestoreJob -Recent -Within '00:00:00.001') | Should -BeNullOrEmpty
    }
}

Describe 'Restore-RdsInstance -Wait' {
    BeforeAll { Reset-Emulator }

    It 'writes the job once, in its final state' {
        $out = @(Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait @Fast)
        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Completed'
        $out[0].TargetStatus | Should -Be 'ACTIVE'
    }

    It 'polls the job until it ends (several job queries, one POST)' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdManual -Confirm:$false -Wait @Fast | Out-Null
        @(Get-RestorePost).Count | Should -Be 1
        @(Get-JobPoll).Count | Should -BeGreaterThan 1
    }

    It 'waits for every restore of the pipeline at once' {
        $plan = @(
            [pscustomobject]@{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest }
            [pscustomobject]@{ SourceInstanceId = $Ids.CrmProd; TargetInstanceId = $Ids.CrmStaging; BackupId = $Backups.CrmProdLatest }
        )
        $done = @($plan | Restore-RdsInstance -Confirm:$false -Wait @Fast)
        $done.Count | Should -Be 2
        $done.Status | Should -Be @('Completed', 'Completed')
        $done.TargetInstanceId | Should -Be @($Ids.ErpStaging, $Ids.CrmStaging)
    }

    It 'a refused row in the pipeline is an error; the accepted ones are still waited for' {
        $plan = @(
            [pscustomobject]@{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpDevSmall; BackupId = $Backups.ErpProdLatest }
            [pscustomobject]@{ SourceInstanceId = $Ids.CrmProd; TargetInstanceId = $Ids.CrmStaging; BackupId = $Backups.CrmProdLatest }
        )
        $done = @($plan | Restore-RdsInstance -Confirm:$false -Wait @Fast -ErrorAction SilentlyContinue -ErrorVariable failure)
        $done.Count | Should -Be 1
        $done[0].Status | Should -Be 'Completed'
        $done[0].TargetInstanceId | Should -Be $Ids.CrmStaging
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
    }

    It '-Timeout on a slow job (next-restore duration_ms) gives RestoreJobWaitTimeout; the job is still written' {
        Set-NextRestore -Instance crm-pg12-staging -Arrangement @{ duration_ms = 15000 }
        $out = @(Restore-RdsInstance -SourceInstanceId $Ids.CrmProd -TargetInstanceId $Ids.CrmStaging -BackupId $Backups.CrmProdLatest -Confirm:$false -Wait -Timeout '00:00:01' @Fast -ErrorAction SilentlyContinue -ErrorVariable failure)
        $out.Count | Should -Be 1
        $out[0].JobId | Should -Match '^[0-9a-f]{32}$'
        $out[0].IsFinished | Should -BeFalse
        $failure[0] | Get-ErrorId | Should -Be 'RestoreJobWaitTimeout'
        $failure[0].Exception.Message | Should -BeLike "*$($out[0].JobId)*"
    }
}

Describe 'A failed job' {
    BeforeAll {
        Reset-Emulator
        $script:before = (Get-EmulatorData erp-staging).data_version
        Set-NextRestore -Instance erp-staging -Arrangement @{ fail_reason = 'Disk I/O error while applying the backup (arranged by the test)' }
        $script:out = @(Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait @Fast -ErrorAction SilentlyContinue -ErrorVariable failure)
        $script:failure = @($failure)
    }

    It 'is an error record RestoreJobFailed carrying the service''s reason' {
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreJobFailed'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure[0].Exception.Message | Should -BeLike '*Disk I/O error while applying the backup (arranged by the test)*'
        $failure[0].TargetObject.JobId | Should -Be $out[0].JobId
    }

    It 'the job is written with status Failed and its reason' {
        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Failed'
        $out[0].FailReason | Should -Be 'Disk I/O error while applying the backup (arranged by the test)'
    }

    It 'leaves the target ACTIVE with its own data' {
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'ACTIVE'
        (Get-EmulatorData erp-staging).data_version | Should -BeLike 'erp-staging@*'
        $before | Should -BeLike 'erp-staging@*'
    }

    It 'Get-RdsRestoreJob -JobId | Wait-RdsRestoreJob on it gives the same error again' {
        Get-RdsRestoreJob -JobId $out[0].JobId | Wait-RdsRestoreJob @Fast -ErrorAction SilentlyContinue -ErrorVariable again | Out-Null
        $again[0] | Get-ErrorId | Should -Be 'RestoreJobFailed'
        $again[0].Exception.Message | Should -BeLike '*Disk I/O error*'
    }

    It 'the arrangement is used once: the next restore completes' {
        (Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait @Fast).Status | Should -Be 'Completed'
    }
}

Describe 'Job ids that are not jobs' {
    It 'a job id the service does not know, and this session never submitted, is RdsResourceNotFound' {
        Get-RdsRestoreJob -JobId 'ffffffffffffffffffffffffffffffff' -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RdsResourceNotFound'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].Exception.ErrorCode | Should -Be 'DBS.200543'
        $failure[0].Exception.HttpStatus | Should -Be 400
    }

    It 'a malformed job id is InvalidJobId and sends nothing' {
        Clear-RequestLog
        Get-RdsRestoreJob -JobId 'not a job/../id' -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'InvalidJobId'
        Wait-RdsRestoreJob -JobId 'bad id!' -ErrorAction SilentlyContinue -ErrorVariable failure2 | Should -BeNullOrEmpty
        $failure2[0] | Get-ErrorId | Should -Be 'InvalidJobId'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}

Describe 'Completing -JobId' {
    It 'offers the jobs submitted in this session' {
        Reset-Emulator
        $job = Submit-ErpRestore
        $line = 'Get-RdsRestoreJob -JobId '
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $completions.CompletionText | Should -Contain $job.JobId
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }
}
