<#
.SYNOPSIS
    Times tab completion of -TargetInstanceId and -BackupId against a local emulator: the first (cold) completion,
    which lists from the service, and warm ones answered from the module's one-minute cache.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [int] $Iterations = 50
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1')
Import-Module (Resolve-Path $ModulePath).Path
$emulator = Start-RdsTestEmulator
try {
    $secret = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    Connect-RdsAccount -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secret
    $source = (Get-RdsInstance -Name erp-prod).Id
    $lines = [ordered]@{
        '-TargetInstanceId' = 'Restore-RdsInstance -TargetInstanceId erp'
        '-BackupId'         = "Restore-RdsInstance -SourceInstanceId $source -BackupId "
    }
    foreach ($name in $lines.Keys) {
        $line = $lines[$name]
        $cold = [Diagnostics.Stopwatch]::StartNew()
        $count = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.Count
        $cold.Stop()
        $warm = foreach ($i in 1..$Iterations) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            TabExpansion2 -inputScript $line -cursorColumn $line.Length | Out-Null
            $watch.Elapsed.TotalMilliseconds
        }
        $sorted = $warm | Sort-Object
        '{0,-18} {1} matches; cold {2:N1} ms; warm median {3:N1} ms, max {4:N1} ms over {5} (goal: warm within 250 ms)' -f `
            $name, $count, $cold.Elapsed.TotalMilliseconds, $sorted[[int]($sorted.Count / 2)], $sorted[-1], $Iterations
    }
}
finally {
    Disconnect-RdsAccount
    $emulator | Stop-RdsTestEmulator
}
