# Shared by EndToEnd.PartialRestore*.Tests.ps1 (issue 14): dot-source it inside BeforeAll after EndToEnd.Helpers.ps1.

# A point in time inside the instance's latest restorable window (a few minutes before its end).
function Get-RecentTime([string] $InstanceId) {
    (Get-RdsRestoreWindow -InstanceId $InstanceId | Sort-Object End | Select-Object -Last 1).End.AddMinutes(-5)
}
# The POSTs that restore databases or tables (not the history listings, which are reads).
function Get-PartialRestorePost {
    @(Get-RequestLog | Where-Object { $_.method -eq 'POST' -and ($_.path -like '*/batch/restore/*' -or $_.path -like '*/restore/tables') })
}
function Get-Tables([string] $InstanceId) { Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$InstanceId/tables" }
function Set-History([string] $InstanceId, [object[]] $Events) {
    Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$InstanceId/history" -Method POST -Body @{ events = $Events } | Out-Null
}
$script:ShopProd = '9f3d73c8db31d7b2511534b0123ff974in01'   # MySQL 8.0, fast restore enabled in the seed
