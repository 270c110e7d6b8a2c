<#
.SYNOPSIS
    Wait-RdsRestoreJob on 200 jobs at once: wall time against the slowest job's remaining time plus one poll
    interval (goal: within 10%), requests sent, and memory.
.DESCRIPTION
    The emulator runs one restore per target and has 40 instances, so 200 jobs are submitted in 8 rounds of 25
    (each round once the previous one has finished); the last round runs JobDurationMs, the others are over by
    the time the wait starts. The slowest job's end is taken on the client: when its submission returned plus
    its configured duration (the service's own times have one-second resolution).
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/wait/Measure-WaitBench.ps1 -ModulePath out/RdsRecovery
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [string] $EmulatorDll,
    [int] $JobDurationMs = 8000,
    [double] $PollIntervalSeconds = 2
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1')
$emulatorArgs = @{ JobInvisibleMs = 100; JobDurationMs = 300 }
if ($EmulatorDll) { $emulatorArgs.EmulatorDll = $EmulatorDll }
$emulator = Start-RdsTestEmulator @emulatorArgs
$env:RDSRECOVERY_JOURNAL = Join-Path $emulator.DataDir 'journal.jsonl'
try {
    $connection = Connect-RdsAccount -Endpoint $emulator.BaseUri -Region cn-north-4 -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey `
        -SecretKey (ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force) -PassThru
    $flows = foreach ($i in (Invoke-RdsEmulatorAdmin $emulator instances).instances | Select-Object -First 25) {
        [pscustomobject]@{ Id = $i.id; BackupId = @($i.backups | Where-Object status -EQ 'COMPLETED')[0].id }
    }
    $jobs = [Collections.Generic.List[object]]::new()
    $lastEnds = [Collections.Generic.List[datetime]]::new()
    for ($round = 0; $round -lt 8; $round++) {
        if ($round -eq 7) { Invoke-RdsEmulatorAdmin $emulator settings -Method PUT -Body @{ job_duration_ms = $JobDurationMs } | Out-Null }
        foreach ($f in $flows) {
            $jobs.Add((Restore-RdsInstance -Connection $connection -SourceInstanceId $f.Id -TargetInstanceId $f.Id -BackupId $f.BackupId -SkipCompatibilityCheck -Force))
            if ($round -eq 7) { $lastEnds.Add([datetime]::UtcNow.AddMilliseconds($JobDurationMs)) }
        }
        if ($round -lt 7) {
            Start-Sleep -Milliseconds 450
            while (@(Get-RdsInstance -Connection $connection | Where-Object Status -NE 'ACTIVE').Count -gt 0) { Start-Sleep -Milliseconds 100 }
        }
    }
    Invoke-RdsEmulatorAdmin $emulator requests -Method DELETE | Out-Null
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $managedBefore = [GC]::GetTotalMemory($true)
    $allocatedBefore = [GC]::GetTotalAllocatedBytes($true)
    $workingBefore = $process.WorkingSet64
    $poll = [TimeSpan]::FromSeconds($PollIntervalSeconds)
    $start = [datetime]::UtcNow
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $results = @($jobs | Wait-RdsRestoreJob -Connection $connection -PollInterval $poll -Timeout ([TimeSpan]::FromMinutes(5)))
    $wall = $clock.Elapsed.TotalSeconds
    $allocated = [GC]::GetTotalAllocatedBytes($true) - $allocatedBefore
    $process.Refresh()
    $slowest = (($lastEnds | Measure-Object -Maximum).Maximum - $start).TotalSeconds
    $goal = $slowest + $poll.TotalSeconds
    $log = @((Invoke-RdsEmulatorAdmin $emulator requests).requests)
    [pscustomobject]@{
        Jobs                  = $results.Count
        Completed             = @($results | Where-Object Status -EQ 'Completed').Count
        PollIntervalSeconds   = $poll.TotalSeconds
        SlowestJobSeconds     = [Math]::Round($slowest, 2)
        WallSeconds           = [Math]::Round($wall, 2)
        SlowestPlusPoll       = [Math]::Round($goal, 2)
        Ratio                 = [Math]::Round($wall / $goal, 3)
        WithinTenPercent      = ($wall -le 1.1 * $goal)
        JobQueries            = @($log | Where-Object { $_.path -like '*/jobs?id=*' }).Count
        InstanceQueries       = @($log | Where-Object { $_.path -like '*/instances?*' }).Count
        AllocatedMB           = [Math]::Round($allocated / 1MB, 1)
        ManagedHeapDeltaMB    = [Math]::Round(([GC]::GetTotalMemory($false) - $managedBefore) / 1MB, 1)
        WorkingSetDeltaMB     = [Math]::Round(($process.WorkingSet64 - $workingBefore) / 1MB, 1)
    }
}
finally {
    $emulator | Stop-RdsTestEmulator
}
