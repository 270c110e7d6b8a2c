# Faults injected by the emulator: reads are retried and succeed; the restore POST is sent exactly once unless the
# service said it did not take it (429, throttled at the gateway; a busy 409 is final); a lost answer is RestoreOutcomeUnknown. Requests are counted in
# the emulator's request log, never timed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name faults

    function Get-Statuses([string] $PathLike) { @(Get-RequestLog | Where-Object path -like $PathLike | ForEach-Object status) }
    $script:ErpRestore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest; Confirm = $false }
    # Faults only on the POST: the facts are read first, without faults.
    $script:RecoveryPath = '/instances/recovery$'
}

AfterAll { Stop-EndToEnd }

Describe 'Reads are retried and succeed' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }
    AfterEach { Clear-Fault }

    It '503 twice, then the answer' {
        Set-Fault @{ kind = 'error'; status = 503; count = 2; path = '/instances$' }
        (Get-RdsInstance -Name erp-prod).Id | Should -Be $Ids.ErpProd
        Get-Statuses '*/instances?*' | Should -Be @(503, 503, 200)
    }

    It '500 once, then the answer' {
        Set-Fault @{ kind = 'error'; status = 500; count = 1; path = '/backups$' }
        @(Get-RdsBackup -InstanceId $Ids.ErpProd).Count | Should -Be 6
        Get-Statuses '*/backups?*' | Should -Be @(500, 200)
    }

    It '429 with Retry-After, then the answer' {
        Set-Fault @{ kind = 'throttle'; retry_after = 1; count = 1; path = '/restore-time$' }
        @(Get-RdsRestoreWindow -InstanceId $Ids.ErpProd).Count | Should -Be 2
        Get-Statuses '*/restore-time*' | Should -Be @(429, 200)
    }

    It 'a dropped connection, then the answer' {
        Set-Fault @{ kind = 'drop'; when = 'before'; count = 1; path = '/database/detail$' }
        @(Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb).Name | Should -Contain 'sales'
        Get-Statuses '*/database/detail*' | Should -Be @(0, 200)
    }

    It 'job polls during a wait are retried too' {
        $job = Restore-RdsInstance @ErpRestore
        Set-Fault @{ kind = 'error'; status = 503; count = 2; path = '/jobs$' }
        ($job | Wait-RdsRestoreJob @Fast).Status | Should -Be 'Completed'
        (Get-Statuses '*/jobs?id=*') | Should -Contain 503
    }

    It 'added latency changes nothing but the wait' {
        Set-Fault @{ kind = 'latency'; latency_ms = 100; path = '/instances$' }
        @(Get-RdsInstance -Engine MySQL).Count | Should -Be 10
    }

    It 'a 500 that persists ends as RdsServerError after a bounded number of attempts' {
        Set-Fault @{ kind = 'error'; status = 500; path = '/instances$' }
        Get-RdsInstance -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsServerError'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure[0].Exception.HttpStatus | Should -Be 500
        $failure[0].Exception.ErrorCode | Should -Be 'DBS.108000'
        $attempts = @(Get-Statuses '*/instances?*')
        $attempts.Count | Should -BeGreaterThan 1
        $attempts.Count | Should -BeLessOrEqual 6
    }

    It 'a malformed body is RdsInvalidResponse' {
        Set-Fault @{ kind = 'malformed'; path = '/instances$' }
        Get-RdsInstance -Name erp-prod -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsInvalidResponse'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
    }
}

Describe 'The restore POST is never sent twice when its fate is unknown' {
    # A restore the service did accept keeps running while the test looks at the target.
    BeforeEach { Reset-Emulator; Set-NextRestore -Instance erp-staging -Arrangement @{ duration_ms = 60000 }; Clear-RequestLog }
    AfterEach { Clear-Fault }

    It '<Name>: RestoreOutcomeUnknown, exactly one POST, the error says how to look for the job' -ForEach @(
        @{ Name = 'connection dropped after the service handled it'; Fault = @{ kind = 'drop'; when = 'after'; method = 'POST' }; Accepted = $true; Cause = 'RdsTransportError' }
        @{ Name = 'connection dropped before'; Fault = @{ kind = 'drop'; when = 'before'; method = 'POST' }; Accepted = $false; Cause = 'RdsTransportError' }
        @{ Name = 'HTTP 500'; Fault = @{ kind = 'error'; status = 500; method = 'POST' }; Accepted = $false; Cause = 'RdsServerError' }
        @{ Name = 'HTTP 503'; Fault = @{ kind = 'error'; status = 503; method = 'POST' }; Accepted = $false; Cause = 'RdsServerError' }
        @{ Name = 'a 200 whose body is cut in half'; Fault = @{ kind = 'malformed'; method = 'POST' }; Accepted = $true; Cause = 'RdsInvalidResponse' }
    ) {
        $Fault.path = $RecoveryPath
        Set-Fault $Fault
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreOutcomeUnknown'
        # One category whatever the cause (the catalogue's), and not one a retry wrapper reads as transient:
        # the restore may have been accepted. The cause is the inner exception.
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure[0].Exception.InnerException.ErrorId | Should -Be $Cause
        $failure[0].Exception.Message | Should -BeLike '*NOT sent again*'
        $failure[0].Exception.Message | Should -BeLike "*Get-RdsInstance -InstanceId $($Ids.ErpStaging)*RESTORING*"
        @(Get-RestorePost).Count | Should -Be 1
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be $(if ($Accepted) { 'RESTORING' } else { 'ACTIVE' })
    }

    It 'the journal remembers the unknown outcome: Get-RdsRestoreJob -Recent warns about it' {
        Set-Fault @{ kind = 'drop'; when = 'after'; method = 'POST'; path = $RecoveryPath }
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue | Out-Null
        Clear-Fault
        Get-RdsRestoreJob -Recent -TargetInstanceId $Ids.ErpStaging -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        ($warned -join "`n") | Should -BeLike "*$($Ids.ErpStaging)*RESTORING*"
    }

    It 'a rerun of the runbook after a lost answer is stopped by TargetNotBusy (no second restore)' {
        Set-Fault @{ kind = 'drop'; when = 'after'; method = 'POST'; path = $RecoveryPath }
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue | Out-Null
        Clear-Fault
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue -ErrorVariable rerun | Should -BeNullOrEmpty
        $rerun[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $rerun[0].Exception.Message | Should -BeLike '*[TargetNotBusy]*'
        @(Get-RestorePost).Count | Should -Be 1
    }
}

Describe 'The restore POST is sent again only when the request never reached the service''s decision' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }
    AfterEach { Clear-Fault }

    # Issue 9 point 1: a busy answer is the service's decision, and final. Before, it was sent again (409, 200).
    It 'busy 409 (DBS.200047) once: one POST, RdsResourceBusy naming the target, nothing accepted' {
        Set-Fault @{ kind = 'busy'; error_code = 'DBS.200047'; method = 'POST'; path = $RecoveryPath; count = 1 }
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsResourceBusy'
        $failure[0].Exception.Message | Should -BeLike "*target instance $($ErpRestore.TargetInstanceId) is busy*NOT sent again*"
        (Get-RestorePost).status | Should -Be @(409)
    }

    It '429 once, then accepted: two POSTs, one job' {
        Set-Fault @{ kind = 'throttle'; retry_after = 1; method = 'POST'; path = $RecoveryPath; count = 1 }
        $job = Restore-RdsInstance @ErpRestore
        $job.JobId | Should -Not -BeNullOrEmpty
        (Get-RestorePost).status | Should -Be @(429, 200)
    }

    It 'the same body is sent each time' {
        Set-Fault @{ kind = 'throttle'; retry_after = 1; method = 'POST'; path = $RecoveryPath; count = 1 }
        Restore-RdsInstance @ErpRestore | Out-Null
        $bodies = @(Get-RestorePost | ForEach-Object body)
        $bodies.Count | Should -Be 2
        $bodies[0] | Should -Be $bodies[1]
    }

    It 'a busy answer that persists ends as RdsResourceBusy with the service''s code, never accepted' {
        Set-Fault @{ kind = 'busy'; error_code = 'DBS.200019'; method = 'POST'; path = $RecoveryPath }
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsResourceBusy'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failure[0].Exception.ErrorCode | Should -Be 'DBS.200019'
        $failure[0].Exception.HttpStatus | Should -Be 409
        (Get-RestorePost).status | Should -Be @(409)
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'ACTIVE'
    }
}
