# Answers of the wrong shape, served by the emulator's 'rewrite' fault (the real answer with fields set or
# removed): every read is RdsInvalidResponse naming the field and the request id, never a blank object or an
# Unknown job status; a restore answer without a readable job_id is RestoreOutcomeUnknown after one POST.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name strict

    function Set-Rewrite([string] $Path, [hashtable] $Set = @{}, [string[]] $Remove = @(), [string] $Method = 'GET') {
        Set-Fault @{ kind = 'rewrite'; path = $Path; method = $Method; set = $Set; remove = $Remove }
    }
    # The request id the emulator gave the last request to a path.
    function Get-LastRequestId([string] $PathLike) { @(Get-RequestLog | Where-Object path -like $PathLike)[-1].request_id }
    $script:ErpRestore = @{ SourceInstanceId = $Ids.ErpProd; TargetInstanceId = $Ids.ErpStaging; BackupId = $Backups.ErpProdLatest; Confirm = $false }
}

AfterAll { Stop-EndToEnd }

Describe 'A read of the wrong shape is RdsInvalidResponse naming the field and the request id' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }
    AfterEach { Clear-Fault }

    It '<Name>' -ForEach @(
        @{ Name = 'instance volume size as a string'; Path = '/instances$'; Set = @{ 'instances[0].volume.size' = '100' }; Field = 'instances[0].volume.size'
           Read = { Get-RdsInstance -Name erp-prod } }
        @{ Name = 'instance without its id'; Path = '/instances$'; Remove = @('instances[0].id'); Field = 'instances[0].id'
           Read = { Get-RdsInstance -Name erp-prod } }
        @{ Name = 'backup begin time that is no time'; Path = '/backups$'; Set = @{ 'backups[0].begin_time' = 'yesterday' }; Field = 'backups[0].begin_time'
           Read = { Get-RdsBackup -InstanceId $Ids.ErpProd } }
        @{ Name = 'restore window start as a string'; Path = '/restore-time$'; Set = @{ 'restore_time[0].start_time' = '0' }; Field = 'restore_time[0].start_time'
           Read = { Get-RdsRestoreWindow -InstanceId $Ids.ErpProd } }
        @{ Name = 'SQL Server database name as a number'; Path = '/database/detail$'; Set = @{ 'databases[0].name' = 5 }; Field = 'databases[0].name'
           Read = { Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb } }
    ) {
        Set-Rewrite -Path $Path -Set $(if ($Set) { $Set } else { @{} }) -Remove $(if ($Remove) { $Remove } else { @() })
        # Errors as records in the output, whatever preference the runner set (the suite runs with Stop).
        $ErrorActionPreference = 'Continue'
        $all = @(& $Read 2>&1)
        $failure = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $all.Count | Should -Be 1 -Because 'nothing but the error is written'
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RdsInvalidResponse'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure[0].Exception.Message | Should -BeLike "*'$([WildcardPattern]::Escape($Field))'*"
        $failure[0].Exception.Message | Should -BeLike "*$(Get-LastRequestId "*$($Path.TrimEnd('$'))*")*"
    }
}

Describe 'A job answer of the wrong shape' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }
    AfterEach { Clear-Fault }

    It 'a status that is an array ends the wait with a poll failure naming job.status, not a wait until the timeout' {
        $job = Restore-RdsInstance @ErpRestore
        Set-Rewrite -Path '/jobs$' -Set @{ 'job.status' = @('Running') }
        $job | Wait-RdsRestoreJob @Fast -Timeout ([TimeSpan]::FromMinutes(10)) -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreJobPollFailed'
        $failure[0].Exception.Message | Should -BeLike "*'job.status'*"
        @(Get-RequestLog | Where-Object path -like '*/jobs').Count | Should -BeLessOrEqual 3
    }

    It 'an answer without the job id is RdsInvalidResponse naming job.id' {
        # Waited for first, so the job is visible (a job too new to be seen is Submitted, with no answer to spoil).
        $job = Restore-RdsInstance @ErpRestore | Wait-RdsRestoreJob @Fast
        Set-Rewrite -Path '/jobs$' -Remove 'job.id'
        Get-RdsRestoreJob -JobId $job.JobId -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsInvalidResponse'
        $failure[0].Exception.Message | Should -BeLike "*'job.id'*$(Get-LastRequestId '*/jobs')*"
    }

    It 'the answer about another job is RdsInvalidResponse naming job.id' {
        $job = Restore-RdsInstance @ErpRestore | Wait-RdsRestoreJob @Fast
        Set-Rewrite -Path '/jobs$' -Set @{ 'job.id' = 'ffffffffffffffffffffffffffffffff' }
        Get-RdsRestoreJob -JobId $job.JobId -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsInvalidResponse'
        $failure[0].Exception.Message | Should -BeLike "*'job.id'*not the job asked for*"
    }
}

Describe 'A restore answer whose job_id is a number' {
    BeforeEach { Reset-Emulator; Set-NextRestore -Instance erp-staging -Arrangement @{ duration_ms = 60000 }; Clear-RequestLog }
    AfterEach { Clear-Fault }

    It 'is RestoreOutcomeUnknown after exactly one POST (the service did accept it)' {
        Set-Rewrite -Path '/instances/recovery$' -Method POST -Set @{ job_id = 123 }
        Restore-RdsInstance @ErpRestore -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'RestoreOutcomeUnknown'
        $failure[0].Exception.InnerException.Message | Should -BeLike "*'job_id' is a number, not a string*"
        @(Get-RestorePost).Count | Should -Be 1
        (Get-RdsInstance -InstanceId $Ids.ErpStaging).Status | Should -Be 'RESTORING'
    }
}
