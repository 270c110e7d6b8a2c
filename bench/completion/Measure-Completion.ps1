<#
.SYNOPSIS
    Times tab completion of -TargetInstanceId (alone and after a source, same-engine first), -BackupId (COMPLETED
    first) and -JobId (from a journal of -JournalEntries submitted jobs) against a local emulator: the first (cold)
    completion, which lists from the service, and warm ones answered from the module's one-minute cache.
    -JobId reads the journal file on every completion (it makes no request).
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [int] $Iterations = 50,
    [int] $JournalEntries = 500
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1')
Import-Module (Resolve-Path $ModulePath).Path
$emulator = Start-RdsTestEmulator
$savedJournal = $env:RDSRECOVERY_JOURNAL
# A journal of many submitted jobs, in the emulator's data folder (removed with it).
$env:RDSRECOVERY_JOURNAL = Join-Path $emulator.DataDir 'journal.jsonl'
$journal = [RdsRecovery.Journal.RestoreJournal]::new($env:RDSRECOVERY_JOURNAL)
foreach ($i in 1..$JournalEntries) {
    $journal.Append([RdsRecovery.Journal.RestoreJournalEntry]@{
        Time = [DateTimeOffset]::UtcNow.AddMinutes(-$i); Phase = 'Submitted'; AttemptId = "a$i"; JobId = ('{0:x32}' -f $i)
        SourceInstanceId = 's'; TargetInstanceId = 't'; Body = '{}' })
}
try {
    $secret = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    Connect-RdsAccount -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secret
    $source = (Get-RdsInstance -Name erp-prod).Id
    $lines = [ordered]@{
        '-TargetInstanceId' = 'Restore-RdsInstance -TargetInstanceId erp'
        '-BackupId'         = "Restore-RdsInstance -SourceInstanceId $source -BackupId "
        '-Target (source)'  = "Restore-RdsInstance -SourceInstanceId $source -TargetInstanceId "
        '-JobId (journal)'  = 'Get-RdsRestoreJob -JobId '
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
    $env:RDSRECOVERY_JOURNAL = $savedJournal
    Disconnect-RdsAccount
    $emulator | Stop-RdsTestEmulator
}
