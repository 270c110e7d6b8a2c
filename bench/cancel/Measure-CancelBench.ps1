<#
.SYNOPSIS
    How long PowerShell.Stop() (what Ctrl+C does) takes to end Wait-RdsRestoreJob and a slow request.
.DESCRIPTION
    A hosted runspace with the module runs the command with BeginInvoke; once the emulator has seen it (a job poll,
    or a hit of a 60 s latency fault), Stop() is timed until it returns. Repeated -Iterations times per case.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/cancel/Measure-CancelBench.ps1 -ModulePath out/RdsRecovery
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [string] $EmulatorDll,
    [int] $Iterations = 10
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1')
$emulatorArgs = @{ JobInvisibleMs = 100; JobDurationMs = 400 }
if ($EmulatorDll) { $emulatorArgs.EmulatorDll = $EmulatorDll }
$emulator = Start-RdsTestEmulator @emulatorArgs
$env:RDSRECOVERY_JOURNAL = Join-Path $emulator.DataDir 'journal.jsonl'
$erp = '7b63b40ca1c07d188407e3c64ee772bdin01'; $backup = '5cd7d817e2c03ebe01e1afd83b618862br01'
$connect = "Import-Module '$ModulePath'; Connect-RdsAccount -Endpoint '$($emulator.BaseUri)' -Region cn-north-4 -ProjectId '$($emulator.ProjectId)' " +
    "-AccessKey '$($emulator.AccessKey)' -SecretKey (ConvertTo-SecureString '$($emulator.SecretKey)' -AsPlainText -Force)"

function Measure-Stop([string] $Script, [scriptblock] $Ready) {
    $ps = [powershell]::Create()
    $null = $ps.AddScript($Script)
    $null = $ps.BeginInvoke()
    for ($i = 0; $i -lt 600 -and -not (& $Ready); $i++) { Start-Sleep -Milliseconds 20 }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $ps.Stop()
    $ms = $clock.Elapsed.TotalMilliseconds
    $state = $ps.InvocationStateInfo.State
    $ps.Dispose()
    [pscustomobject]@{ Ms = $ms; State = "$state" }
}
function Get-Requests { @((Invoke-RdsEmulatorAdmin $emulator requests).requests) }

try {
    $rows = foreach ($case in 'wait', 'slow read', 'slow restore POST') {
        $samples = for ($n = 0; $n -lt $Iterations; $n++) {
            Invoke-RdsEmulatorAdmin $emulator reset -Method POST | Out-Null
            switch ($case) {
                'wait' {
                    Invoke-RdsEmulatorAdmin $emulator "instances/$erp/next-restore" -Method PUT -Body @{ duration_ms = 60000 } | Out-Null
                    Measure-Stop "$connect; Restore-RdsInstance -SourceInstanceId $erp -TargetInstanceId $erp -BackupId $backup -Force -Wait -PollInterval 0:0:0.5" {
                        @(Get-Requests | Where-Object { $_.path -like '*/jobs?id=*' -and $_.status -eq 200 }).Count -ge 1
                    }
                }
                'slow read' {
                    Invoke-RdsEmulatorAdmin $emulator faults -Method PUT -Body @{ seed = 1; rules = @(@{ kind = 'latency'; latency_ms = 60000; path = '/instances$' }) } | Out-Null
                    Measure-Stop "$connect; Get-RdsInstance -InstanceId $erp" { (Invoke-RdsEmulatorAdmin $emulator faults).rules[0].hits -ge 1 }
                }
                'slow restore POST' {
                    Invoke-RdsEmulatorAdmin $emulator faults -Method PUT -Body @{ seed = 1; rules = @(@{ kind = 'latency'; latency_ms = 60000; method = 'POST' }) } | Out-Null
                    Measure-Stop "$connect; Restore-RdsInstance -SourceInstanceId $erp -TargetInstanceId $erp -BackupId $backup -Force" { (Invoke-RdsEmulatorAdmin $emulator faults).rules[0].hits -ge 1 }
                }
            }
        }
        $ms = @($samples.Ms | Sort-Object)
        [pscustomobject]@{
            Case     = $case
            Runs     = $ms.Count
            Stopped  = @($samples | Where-Object State -EQ 'Stopped').Count
            MedianMs = [Math]::Round($ms[[int][Math]::Floor($ms.Count / 2)], 1)
            MaxMs    = [Math]::Round($ms[-1], 1)
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200
}
finally {
    $emulator | Stop-RdsTestEmulator
}
