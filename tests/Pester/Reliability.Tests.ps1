# Proof under fire (issue 6, items 1, 2 and 7): a fault soak of 200 restore-and-wait flows, 200 jobs waited on
# from one Wait-RdsRestoreJob call, and a process killed while waiting whose job is found again and not resent.
# Everything counts requests and states in the emulator's request log; seconds belong in bench/.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force

    function Connect-Emulator($Emulator) {
        Connect-RdsAccount -Endpoint $Emulator.BaseUri -Region cn-north-4 -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey `
            -SecretKey (ConvertTo-SecureString $Emulator.SecretKey -AsPlainText -Force) -PassThru
    }

    # Every instance of the seed with its newest completed backup, in seed order. Restoring an instance into itself
    # is allowed, except for the SQL Server versions the seed's table does not list (seeded for the v3.1 rules):
    # those the rules refuse are left out, so every flow here is one the rules let through.
    function Get-SeedFlows($Emulator) {
        foreach ($instance in (Invoke-RdsEmulatorAdmin $Emulator instances).instances) {
            $backup = @($instance.backups | Where-Object status -EQ 'COMPLETED')[0]
            $facts = [RdsRecovery.Model.RdsInstance]@{ Id = $instance.id; Engine = $instance.engine; EngineVersion = $instance.version }
            if (-not (Test-RdsRestoreCompatibility -SourceInstance $facts -TargetInstance $facts -BackupId $backup.id -RuleProfile Seed -Quiet)) { continue }
            [pscustomobject]@{ Id = $instance.id; Name = $instance.name; BackupId = $backup.id; Engine = $instance.engine }
        }
    }

    function Get-RequestLog($Emulator) { @((Invoke-RdsEmulatorAdmin $Emulator requests).requests) }

    # POSTs of the restore that the client sent on its own account: a 429 or busy answer was refused by the
    # service before handling, so resending after it is the one allowed retry.
    function Select-SentRestore([object[]] $Log, [string] $TargetId) {
        @($Log | Where-Object {
                $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' -and $_.fault -notin 'throttle', 'busy' -and
                ($_.body | ConvertFrom-Json).target.instance_id -eq $TargetId
            })
    }

    # Children run under $ErrorActionPreference Stop (Start-ChildPwsh -StopOnError).
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')

    # Connect-RdsAccount sets this session's default connection; the suites that run later must not inherit it.
    function Disconnect-Emulator { Disconnect-RdsAccount }

    function Wait-Until([scriptblock] $Condition, [int] $Tries = 300, [int] $SleepMs = 100) {
        for ($i = 0; $i -lt $Tries; $i++) {
            if (& $Condition) { return $true }
            Start-Sleep -Milliseconds $SleepMs
        }
        $false
    }
}

Describe 'Fault soak: 200 restore-and-wait flows with about 20% of requests failing' {
    BeforeAll {
        $script:emulator = Start-RdsTestEmulator -JobInvisibleMs 100 -JobDurationMs 400
        $script:connection = Connect-Emulator $emulator
        $seedFlows = @(Get-SeedFlows $emulator)
        $script:journalDir = Join-Path ([IO.Path]::GetTempPath()) ('rds-soak-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $journalDir | Out-Null
        $savedJournal = $env:RDSRECOVERY_JOURNAL
        $script:flows = [Collections.Generic.List[object]]::new()
        $script:logs = [Collections.Generic.List[object]]::new()
        $moduleManifest = $env:RDSRECOVERY_MODULE
        # 8 batches of 25 flows: 23 intended restores (each instance into itself) and 2 that must be refused
        # (a backup of another instance; a point in time before every restorable range).
        $clock = [Diagnostics.Stopwatch]::StartNew()
        try {
            for ($batch = 0; $batch -lt 8; $batch++) {
                Invoke-RdsEmulatorAdmin $emulator reset -Method POST | Out-Null
                Invoke-RdsEmulatorAdmin $emulator settings -Method PUT -Body @{ job_invisible_ms = 100; job_duration_ms = 400 } | Out-Null
                Invoke-RdsEmulatorAdmin $emulator faults -Method PUT -Body @{
                    seed  = 4200 + $batch
                    rules = @(
                        @{ kind = 'latency'; latency_ms = 25; probability = 0.2 }
                        @{ kind = 'error'; status = 500; probability = 0.05 }
                        @{ kind = 'error'; status = 503; probability = 0.05 }
                        @{ kind = 'throttle'; retry_after = 1; probability = 0.05 }
                        @{ kind = 'drop'; when = 'before'; probability = 0.03 }
                        @{ kind = 'drop'; when = 'after'; method = 'GET'; probability = 0.02 }
                    )
                } | Out-Null
                $env:RDSRECOVERY_JOURNAL = Join-Path $journalDir "batch$batch.jsonl"
                $rotated = @($seedFlows[($batch * 3)..($seedFlows.Count - 1)]) + @($seedFlows[0..($batch * 3 - 1)] | Where-Object { $_ })
                $rotated = @($rotated | Select-Object -First 27)
                $work = [Collections.Generic.List[object]]::new()
                for ($i = 0; $i -lt 23; $i++) {
                    $f = $rotated[$i]
                    $work.Add([pscustomobject]@{ Batch = $batch; Kind = 'restore'; Source = $f.Id; Target = $f.Id; BackupId = $f.BackupId; RestoreTime = $null })
                }
                $work.Add([pscustomobject]@{ Batch = $batch; Kind = 'refused'; Source = $rotated[23].Id; Target = $rotated[23].Id; BackupId = $rotated[24].BackupId; RestoreTime = $null })
                $work.Add([pscustomobject]@{ Batch = $batch; Kind = 'refused'; Source = $rotated[25].Id; Target = $rotated[25].Id; BackupId = $null
                        RestoreTime = [DateTimeOffset]::UtcNow.AddDays(-30)
                    })
                $connection = $script:connection
                $results = $work | ForEach-Object -ThrottleLimit 9 -Parallel {
                    Import-Module $using:moduleManifest
                    $flow = $_
                    $arguments = @{
                        Connection = $using:connection; SourceInstanceId = $flow.Source; TargetInstanceId = $flow.Target
                        Force = $true; Wait = $true; PollInterval = [TimeSpan]::FromMilliseconds(200); Timeout = [TimeSpan]::FromSeconds(90)
                        ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures'
                    }
                    if ($flow.BackupId) { $arguments.BackupId = $flow.BackupId } else { $arguments.RestoreTime = $flow.RestoreTime }
                    $jobs = @(Restore-RdsInstance @arguments)
                    [pscustomobject]@{
                        Flow     = $flow
                        Jobs     = $jobs
                        ErrorIds = @($failures | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
                        Messages = @($failures | ForEach-Object { $_.Exception.Message })
                    }
                }
                foreach ($r in $results) { $flows.Add($r) }
                foreach ($entry in Get-RequestLog $emulator) { $entry | Add-Member -NotePropertyName Batch -NotePropertyValue $batch; $logs.Add($entry) }
            }
        }
        finally { $env:RDSRECOVERY_JOURNAL = $savedJournal }
        $script:faulted = @($logs | Where-Object { $_.fault -and $_.fault -ne 'latency' }).Count
        Write-Host ("Soak: {0} flows in {5:n1} s, {1} requests, {2} faulted ({3:P1}), {4} completed; errors: {6}" -f $flows.Count, $logs.Count, $faulted,
            ($faulted / [Math]::Max(1, $logs.Count)), @($flows | Where-Object { $_.Jobs.Status -contains 'Completed' }).Count, $clock.Elapsed.TotalSeconds,
            ((@($flows.ErrorIds) | Group-Object | Sort-Object Count -Descending | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '))
    }
    AfterAll {
        Disconnect-Emulator
        $emulator | Stop-RdsTestEmulator
        Remove-Item $journalDir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'ran 200 flows, each to an answer' {
        $flows.Count | Should -Be 200
        foreach ($r in $flows) {
            ($r.Jobs.Count + $r.ErrorIds.Count) | Should -BeGreaterThan 0 -Because "flow $($r.Flow.Batch)/$($r.Flow.Target) must end in a job or an error"
        }
    }

    It 'injected faults into roughly a fifth of the requests' {
        ($faulted / $logs.Count) | Should -BeGreaterThan 0.1
        ($faulted / $logs.Count) | Should -BeLessThan 0.3
        @($logs | Where-Object fault -EQ 'throttle').Count | Should -BeGreaterThan 0
        @($logs | Where-Object fault -EQ 'drop').Count | Should -BeGreaterThan 0
        @($logs | Where-Object { $_.fault -eq 'error' -and $_.status -eq 503 }).Count | Should -BeGreaterThan 0
    }

    It 'brought most intended restores to Completed with the target ACTIVE' {
        $restores = @($flows | Where-Object { $_.Flow.Kind -eq 'restore' })
        $completed = @($restores | Where-Object { $_.Jobs.Count -eq 1 -and $_.Jobs[0].Status -eq 'Completed' })
        $completed.Count | Should -BeGreaterThan ($restores.Count / 2)
        foreach ($r in $completed) { $r.Jobs[0].TargetStatus | Should -Be 'ACTIVE' }
    }

    It 'reported every other intended restore as a clear error (naming the job when one exists)' {
        $known = 'RestoreOutcomeUnknown', 'RdsServerError', 'RdsTransportError', 'RdsThrottled', 'RestoreJobPollFailed', 'RdsResourceBusy',
            'RdsServiceError', 'RdsInvalidResponse', 'RdsRequestTimeout', 'RestoreJobFailed', 'RestoreIncompatible'
        foreach ($r in $flows | Where-Object { $_.Flow.Kind -eq 'restore' -and -not ($_.Jobs.Count -eq 1 -and $_.Jobs[0].Status -eq 'Completed') }) {
            $r.ErrorIds.Count | Should -BeGreaterThan 0 -Because "flow into $($r.Flow.Target) did not complete"
            foreach ($id in $r.ErrorIds) { $id | Should -BeIn $known }
            foreach ($job in $r.Jobs) {
                ($r.Messages -join ' ') | Should -Match $job.JobId -Because 'an error about a submitted restore names its job'
            }
            if ($r.ErrorIds -contains 'RestoreOutcomeUnknown') {
                ($r.Messages -join ' ') | Should -Match ([regex]::Escape($r.Flow.Target)) -Because 'an unclear answer names the target to look at'
            }
        }
    }

    It 'never sent a restore twice for one intended restore' {
        foreach ($r in $flows | Where-Object { $_.Flow.Kind -eq 'restore' }) {
            $sent = @(Select-SentRestore @($logs | Where-Object Batch -EQ $r.Flow.Batch) $r.Flow.Target)
            $sent.Count | Should -BeLessOrEqual 1 -Because "batch $($r.Flow.Batch) target $($r.Flow.Target)"
            if ($r.Jobs.Count -gt 0) { $sent.Count | Should -Be 1 }
        }
    }

    It 'sent no restore at all for the refused flows' {
        foreach ($r in $flows | Where-Object { $_.Flow.Kind -eq 'refused' }) {
            $r.Jobs.Count | Should -Be 0
            $r.ErrorIds.Count | Should -BeGreaterThan 0
            @(Select-SentRestore @($logs | Where-Object Batch -EQ $r.Flow.Batch) $r.Flow.Target).Count | Should -Be 0
        }
    }

    It 'names the refused flows by the rule when the facts could be read' {
        $ids = @($flows | Where-Object { $_.Flow.Kind -eq 'refused' } | ForEach-Object ErrorIds)
        $ids | Should -Contain 'BackupNotFound'
        $ids | Should -Contain 'RestoreIncompatible'
    }
}

Describe 'Concurrency: 200 jobs waited on from one Wait-RdsRestoreJob call' {
    BeforeAll {
        $script:emulator = Start-RdsTestEmulator -JobInvisibleMs 100 -JobDurationMs 300
        $script:connection = Connect-Emulator $emulator
        $seedFlows = @(Get-SeedFlows $emulator)
        $savedJournal = $env:RDSRECOVERY_JOURNAL
        $env:RDSRECOVERY_JOURNAL = Join-Path ([IO.Path]::GetTempPath()) ('rds-concurrency-' + [guid]::NewGuid().ToString('N') + '.jsonl')
        # The emulator runs one restore per target and has 40 targets: submit in rounds of 25, each round once
        # the previous one is done, so the last round is still running when the wait starts.
        $script:jobs = [Collections.Generic.List[object]]::new()
        try {
            for ($round = 0; $round -lt 8; $round++) {
                if ($round -eq 7) { Invoke-RdsEmulatorAdmin $emulator settings -Method PUT -Body @{ job_duration_ms = 2500 } | Out-Null }
                foreach ($f in $seedFlows | Select-Object -First 25) {
                    $jobs.Add((Restore-RdsInstance -Connection $connection -SourceInstanceId $f.Id -TargetInstanceId $f.Id -BackupId $f.BackupId `
                                -SkipCompatibilityCheck -Force))
                }
                if ($round -lt 7) {
                    Start-Sleep -Milliseconds 450
                    # A request after a job's end writes it into its target (ACTIVE again): poll the list until none is busy.
                    Wait-Until { @(Get-RdsInstance -Connection $connection | Where-Object Status -NE 'ACTIVE').Count -eq 0 } | Should -BeTrue
                }
            }
            Invoke-RdsEmulatorAdmin $emulator requests -Method DELETE | Out-Null
            $script:pollInterval = [TimeSpan]::FromMilliseconds(500)
            $script:results = @($jobs | Wait-RdsRestoreJob -Connection $connection -PollInterval $pollInterval -Timeout ([TimeSpan]::FromMinutes(2)) -ErrorVariable waitErrors)
            $script:waitErrors = $waitErrors
            $script:log = Get-RequestLog $emulator
        }
        finally {
            Remove-Item $env:RDSRECOVERY_JOURNAL -ErrorAction SilentlyContinue
            $env:RDSRECOVERY_JOURNAL = $savedJournal
        }
    }
    AfterAll { Disconnect-Emulator; $emulator | Stop-RdsTestEmulator }

    It 'submitted 200 distinct jobs' {
        @($jobs.JobId | Sort-Object -Unique).Count | Should -Be 200
    }

    It 'brought every job to Completed with its target ACTIVE, with no error' {
        $results.Count | Should -Be 200
        @($results | Where-Object Status -NE 'Completed').Count | Should -Be 0
        @($results | Where-Object TargetStatus -NE 'ACTIVE').Count | Should -Be 0
        $waitErrors.Count | Should -Be 0
        @($results.JobId | Sort-Object -Unique).Count | Should -Be 200
    }

    It 'queried each finished job once and the running ones no more than the schedule needs' {
        $jobQueries = @($log | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/jobs?id=*' })
        $perJob = $jobQueries | Group-Object { $_.path -replace '^.*[?&]id=([0-9a-f]+).*$', '$1' }
        @($perJob).Count | Should -Be 200
        $lastRound = @($jobs | Select-Object -Last 25).JobId
        foreach ($g in $perJob) {
            if ($g.Name -in $lastRound) {
                # 2.5 s job, 0.5 s first interval growing 1.5x: about 5 polls; allow the invisible start and one late poll.
                $g.Count | Should -BeLessOrEqual 7 -Because "job $($g.Name) was running"
            }
            else {
                $g.Count | Should -Be 1 -Because "job $($g.Name) had already ended"
            }
        }
    }
}

Describe 'Nothing lost after a crash: a process killed while waiting' {
    BeforeAll {
        $script:emulator = Start-RdsTestEmulator -JobInvisibleMs 100 -JobDurationMs 400
        $script:journal = Join-Path ([IO.Path]::GetTempPath()) ('rds-crash-' + [guid]::NewGuid().ToString('N') + '.jsonl')
        $script:target = '4914c00a2e0baf9b9ca17102de91cf21in01'   # erp-staging
        $script:backup = '5cd7d817e2c03ebe01e1afd83b618862br01'   # erp-prod, latest auto
        $script:source = '7b63b40ca1c07d188407e3c64ee772bdin01'   # erp-prod
        # A long job: the child is still waiting when it is killed.
        Invoke-RdsEmulatorAdmin $emulator "instances/$target/next-restore" -Method PUT -Body @{ duration_ms = 15000 } | Out-Null
        $connect = Get-EmulatorConnectLine $emulator
        $restore = "Restore-RdsInstance -SourceInstanceId $source -TargetInstanceId $target -BackupId $backup -Force"
        $child = Start-ChildPwsh -StopOnError -Script "$connect`n$restore -Wait -PollInterval 0:0:0.5 -Timeout 0:5:0" -Environment @{ RDSRECOVERY_JOURNAL = $journal }
        $script:submitted = Wait-Until {
            @(Get-RequestLog $emulator | Where-Object { $_.method -eq 'POST' -and $_.status -eq 200 }).Count -eq 1 -and
            @(Get-RequestLog $emulator | Where-Object { $_.path -like '*/jobs?id=*' -and $_.status -eq 200 }).Count -ge 1
        } -Tries 600
        $script:aliveWhenKilled = -not $child.HasExited
        $child.Kill($true)
        $child.WaitForExit(10000) | Out-Null

        $script:afterCrash = Start-ChildPwsh -StopOnError -Environment @{ RDSRECOVERY_JOURNAL = $journal } -Script @"
$connect
`$recent = @(Get-RdsRestoreJob -Recent)
`$null = Restore-RdsInstance -SourceInstanceId $source -TargetInstanceId $target -BackupId $backup -Force -ErrorAction SilentlyContinue -ErrorVariable rerunErrors
[pscustomobject]@{
    Recent = @(`$recent | ForEach-Object { [pscustomobject]@{ JobId = `$_.JobId; Status = "`$(`$_.Status)"; Target = `$_.TargetInstanceId } })
    RerunErrors = @(`$rerunErrors | ForEach-Object { `$_.FullyQualifiedErrorId.Split(',')[0] })
    RerunMessages = @(`$rerunErrors | ForEach-Object { `$_.Exception.Message })
} | ConvertTo-Json -Depth 5 -Compress
"@
        $stdout = $afterCrash.StandardOutput.ReadToEndAsync()
        $stderr = $afterCrash.StandardError.ReadToEndAsync()
        if (-not $afterCrash.WaitForExit(120000)) { $afterCrash.Kill($true) }
        $script:report = $stdout.Result | ConvertFrom-Json
        $script:childErrors = $stderr.Result
        $script:log = Get-RequestLog $emulator
    }
    AfterAll {
        Disconnect-Emulator
        $emulator | Stop-RdsTestEmulator
        Remove-Item $journal -ErrorAction SilentlyContinue
    }

    It 'killed the child while it was waiting on a submitted restore' {
        $submitted | Should -BeTrue
        $aliveWhenKilled | Should -BeTrue
    }

    It 'finds the job again from another process with Get-RdsRestoreJob -Recent' {
        $childErrors | Should -BeNullOrEmpty
        $report.Recent.Count | Should -Be 1
        $report.Recent[0].Target | Should -Be $target
        $report.Recent[0].Status | Should -Be 'Running'
        $polled = @($log | Where-Object { $_.path -like '*/jobs?id=*' } | ForEach-Object { $_.path -replace '^.*[?&]id=([0-9a-f]+).*$', '$1' } | Sort-Object -Unique)
        $polled | Should -Be @($report.Recent[0].JobId) -Because 'the job found is the one the killed process was waiting on'
    }

    It 'refuses the rerun because the target is RESTORING, and sends no second restore' {
        $report.RerunErrors | Should -Be @('RestoreIncompatible')
        ($report.RerunMessages -join ' ') | Should -Match 'TargetNotBusy'
        ($report.RerunMessages -join ' ') | Should -Match 'RESTORING'
        @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' }).Count | Should -Be 1
    }

    It 'leaves the submitted restore running in the service, and it completes' {
        $connection = Connect-Emulator $emulator
        $jobId = $report.Recent[0].JobId
        $final = Get-RdsRestoreJob -Connection $connection -JobId $jobId | Wait-RdsRestoreJob -Connection $connection -PollInterval 0:0:1 -Timeout 0:1:0
        $final.Status | Should -Be 'Completed'
        $final.TargetStatus | Should -Be 'ACTIVE'
        @(Get-RequestLog $emulator | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' }).Count | Should -Be 1
    }
}

Describe 'Journal: parallel runbooks in separate processes lose no line' {
    BeforeAll {
        $script:journal = Join-Path ([IO.Path]::GetTempPath()) ('rds-journal-procs-' + [guid]::NewGuid().ToString('N') + '.jsonl')
        # Each process appends 150 entries as fast as it can, all at once, through the module's own journal type.
        $append = @'
$journal = [RdsRecovery.Journal.RestoreJournal]::new($env:RDSRECOVERY_JOURNAL)
for ($i = 0; $i -lt 150; $i++) {
    $entry = [RdsRecovery.Journal.RestoreJournalEntry]::new()
    $entry.Time = [DateTimeOffset]::UtcNow
    $entry.Phase = 'Submitted'
    $entry.AttemptId = "$PID-$i"
    $entry.JobId = "$PID-$i"
    $entry.TargetInstanceId = 'target'
    $entry.Body = 'x' * 300
    $journal.Append($entry)
}
'@
        $children = 1..4 | ForEach-Object { Start-ChildPwsh -StopOnError -Script $append -Environment @{ RDSRECOVERY_JOURNAL = $journal } }
        foreach ($child in $children) {
            $stderr = $child.StandardError.ReadToEndAsync()
            $null = $child.StandardOutput.ReadToEnd()
            if (-not $child.WaitForExit(120000)) { $child.Kill($true) }
            $stderr.Result | Should -BeNullOrEmpty
        }
        $script:entries = [RdsRecovery.Journal.RestoreJournal]::new($journal).Read()
        $script:lines = @(Get-Content -LiteralPath $journal)
    }
    AfterAll { Remove-Item "$journal*" -ErrorAction SilentlyContinue }

    It 'keeps all 600 lines, each whole' {
        $lines.Count | Should -Be 600
        $entries.Count | Should -Be 600
        @($entries.AttemptId | Sort-Object -Unique).Count | Should -Be 600
    }
}
