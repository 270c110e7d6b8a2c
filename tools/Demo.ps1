<#
.SYNOPSIS
    The RdsRecovery demo: a whole restore, from finding the backup to the restored target, then one database
    brought back as it was before a bad deploy, against the local emulator. Run it with: dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorDll
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'RdsEmulator.psm1')
Import-Module (Resolve-Path $ModulePath).Path


function Show-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

# Tables at a readable width: the console's, or a wide page when the output goes to a file or a pipe.
function Out-Table {
    $width = if ([Console]::IsOutputRedirected) { 200 } else { [Math]::Max(120, $Host.UI.RawUI.BufferSize.Width) }
    $input | Out-String -Width $width | Out-Host
}

function Show-Command([string] $Text) {
    Write-Host "PS> $Text" -ForegroundColor Yellow
}

$emulator = Start-RdsTestEmulator -EmulatorDll $EmulatorDll -JobInvisibleMs 1000 -JobDurationMs 6000
# The demo keeps its journal (and the journal's lock file) to itself, in the emulator's data folder, which
# Stop-RdsTestEmulator removes: it never mixes with the user's own restores and leaves no file behind.
$savedJournal = $env:RDSRECOVERY_JOURNAL
$env:RDSRECOVERY_JOURNAL = Join-Path $emulator.DataDir 'demo-journal.jsonl'
try {
    Show-Step "A local RDS emulator is running at $($emulator.BaseUri) (public test credentials, printed on purpose)"
    Write-Host "access key $($emulator.AccessKey), secret key $($emulator.SecretKey), project $($emulator.ProjectId)"

    Show-Step 'Connect'
    Show-Command "Connect-RdsAccount -Endpoint $($emulator.BaseUri) -ProjectId $($emulator.ProjectId) -Credential `$credential -PassThru"
    $credential = [pscredential]::new($emulator.AccessKey, (ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force))
    Connect-RdsAccount -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -Credential $credential -PassThru | Out-Table

    Show-Step 'Find what to restore'
    Show-Command "Get-RdsInstance -Name '*erp'"
    Get-RdsInstance -Name '*erp' | Format-Table | Out-Table
    $prod = Get-RdsInstance -Name erp-prod
    $staging = Get-RdsInstance -Name erp-staging
    $small = Get-RdsInstance -Name erp-dev-small
    Show-Command 'Get-RdsInstance -Name erp-prod | Get-RdsBackup'
    $prod | Get-RdsBackup | Format-Table | Out-Table
    Show-Command 'Get-RdsRestoreWindow -InstanceId $prod.Id'
    Get-RdsRestoreWindow -InstanceId $prod.Id | Format-Table | Out-Table

    Show-Step 'Check before touching anything'
    $backup = $prod | Get-RdsBackup -Type manual -Status COMPLETED | Select-Object -First 1
    Show-Command 'Test-RdsRestoreCompatibility -SourceInstanceId $prod.Id -TargetInstanceId $staging.Id -BackupId $backup.Id'
    Test-RdsRestoreCompatibility -SourceInstanceId $prod.Id -TargetInstanceId $staging.Id -BackupId $backup.Id | Out-Table
    Show-Command 'Test-RdsRestoreCompatibility -SourceInstanceId $prod.Id -TargetInstanceId $small.Id -BackupId $backup.Id   # a refused pair'
    $refused = Test-RdsRestoreCompatibility -SourceInstanceId $prod.Id -TargetInstanceId $small.Id -BackupId $backup.Id
    $refused | Out-Table
    if ($refused.IsCompatible) { throw 'The demo expected erp-dev-small to be refused (its volume is too small).' }
    Show-Command 'Restore-RdsInstance ... (to erp-dev-small, refused before anything is sent)'
    $backup | Restore-RdsInstance -TargetInstanceId $small.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refusal
    Write-Host "Refused: $($refusal[0].FullyQualifiedErrorId)" -ForegroundColor Magenta
    Write-Host $refusal[0].Exception.Message

    Show-Step 'See exactly what would be sent'
    Show-Command '$backup | Restore-RdsInstance -TargetInstanceId $staging.Id -WhatIf'
    $backup | Restore-RdsInstance -TargetInstanceId $staging.Id -WhatIf

    Show-Step 'Restore, and watch it happen'
    Show-Command '$backup | Restore-RdsInstance -TargetInstanceId $staging.Id -Confirm:$false -Wait -PollInterval 00:00:01'
    $job = $backup | Restore-RdsInstance -TargetInstanceId $staging.Id -Confirm:$false -Wait -PollInterval 00:00:01
    $job | Format-Table | Out-Table
    if ($job.Status -ne 'Completed') { throw "The demo restore ended $($job.Status)." }

    Show-Step 'The restored target'
    Show-Command 'Get-RdsInstance -InstanceId $staging.Id'
    Get-RdsInstance -InstanceId $staging.Id | Format-Table | Out-Table
    $data = Invoke-RdsEmulatorAdmin -Emulator $emulator -Path "instances/$($staging.Id)/data"
    Write-Host "erp-staging now holds data version '$($data.data_version)' (the emulator's marker: erp-prod as of backup '$($backup.Name)')"

    Show-Step 'A way back: back the target up first, restore, then undo'
    $before = $data.data_version
    $latest = $prod | Get-RdsBackup -Type auto -Status COMPLETED | Select-Object -First 1
    Show-Command '$latest | Restore-RdsInstance -TargetInstanceId $staging.Id -BackupTargetFirst -WhatIf'
    $latest | Restore-RdsInstance -TargetInstanceId $staging.Id -BackupTargetFirst -WhatIf
    Show-Command '$latest | Restore-RdsInstance -TargetInstanceId $staging.Id -BackupTargetFirst -Confirm:$false -Wait -PollInterval 00:00:01'
    $undoable = $latest | Restore-RdsInstance -TargetInstanceId $staging.Id -BackupTargetFirst -Confirm:$false -Wait -PollInterval 00:00:01
    $undoable | Format-List JobId, Status, BackupId, SafetyBackupId | Out-Table
    if ($undoable.Status -ne 'Completed' -or -not $undoable.SafetyBackupId) { throw "The demo restore with a safety backup ended $($undoable.Status)." }
    Show-Command 'Get-RdsBackup -InstanceId $staging.Id -BackupId $undoable.SafetyBackupId'
    Get-RdsBackup -InstanceId $staging.Id -BackupId $undoable.SafetyBackupId | Format-Table | Out-Table
    $after = (Invoke-RdsEmulatorAdmin -Emulator $emulator -Path "instances/$($staging.Id)/data").data_version
    Write-Host "erp-staging went from data version '$before' to '$after'"
    Show-Command '$undoable | Undo-RdsRestore -Confirm:$false -Wait -PollInterval 00:00:01'
    $undo = $undoable | Undo-RdsRestore -Confirm:$false -Wait -PollInterval 00:00:01
    $undo | Format-Table | Out-Table
    $back = (Invoke-RdsEmulatorAdmin -Emulator $emulator -Path "instances/$($staging.Id)/data").data_version
    Write-Host "After the undo erp-staging holds data version '$back' again" -ForegroundColor Green
    if ($back -ne $before) { throw "The undo should have put back '$before', the target holds '$back'." }
    Show-Command 'Remove-RdsBackup -InstanceId $staging.Id -BackupId $undoable.SafetyBackupId -Force   # safety backups are billed until removed'
    Remove-RdsBackup -InstanceId $staging.Id -BackupId $undoable.SafetyBackupId -Force

    Show-Step 'Less than an instance: one database as it was before a bad deploy, next to the live one'
    $beforeDeploy = (Get-RdsRestoreWindow -InstanceId $prod.Id | Sort-Object End | Select-Object -Last 1).End.AddMinutes(-10)
    Show-Command 'Get-RdsRestorableDatabase -InstanceId erp-prod -RestoreTime $beforeDeploy'
    Get-RdsRestorableDatabase -InstanceId erp-prod -RestoreTime $beforeDeploy | Format-Table | Out-Table
    Show-Command "Restore-RdsDatabase -InstanceId erp-prod -RestoreTime `$beforeDeploy -DatabaseName @{ erp = 'erp_before_deploy' } -Force -Wait -PollInterval 1"
    $dbJob = Restore-RdsDatabase -InstanceId erp-prod -RestoreTime $beforeDeploy -DatabaseName @{ erp = 'erp_before_deploy' } -Force -Wait -PollInterval 1
    $dbJob | Format-Table | Out-Table
    if ($dbJob.Status -ne 'Completed') { throw "The demo database restore ended $($dbJob.Status)." }
    $copy = (Invoke-RdsEmulatorAdmin -Emulator $emulator -Path "instances/$($prod.Id)/tables").databases | Where-Object name -eq 'erp_before_deploy'
    Write-Host "erp-prod now also holds erp_before_deploy, data version '$($copy.data_version)'; erp itself was not touched"
    Show-Command 'Get-RdsRestoreJob -Recent'
    Get-RdsRestoreJob -Recent | Format-Table | Out-Table
    Write-Host ''
    Write-Host 'Demo finished.' -ForegroundColor Green
}
finally {
    Disconnect-RdsAccount
    $emulator | Stop-RdsTestEmulator
    $env:RDSRECOVERY_JOURNAL = $savedJournal
}
