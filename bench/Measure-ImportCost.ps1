<#
.SYNOPSIS
    Measures what importing RdsRecovery costs on top of what PowerShell itself costs for a manifest like ours.
.DESCRIPTION
    In one run, alternates fresh 'pwsh -NoProfile' processes of three kinds: a bare start, the import of a floor
    module (our manifest and format file with an empty root module and no assemblies of ours) and the import of RdsRecovery. Reports the
    median of each and RdsRecovery's cost over the floor as a share of a bare start (goal: at most 5%).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Iterations = 15
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
[string[]] $pwshArgs = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }

$floor = Join-Path ([IO.Path]::GetTempPath()) ("rdsrecovery-floor-" + [guid]::NewGuid().ToString('N'))
$floorModule = Join-Path $floor 'RdsRecovery'
New-Item -ItemType Directory -Path $floorModule -Force | Out-Null
Copy-Item (Join-Path $ModulePath '*.ps1xml') $floorModule
$manifest = Get-Content -Raw (Join-Path $ModulePath 'RdsRecovery.psd1')
# No root module at all: a script module as the floor would add a parser PowerShell does not need for ours.
$manifest = $manifest -replace "RootModule\s*=\s*'[^']*'", "RootModule = ''"
# Our assemblies and cmdlets are what is measured: the floor loads and exports none of them. (A manifest that
# lists cmdlets it has no module for is slower to import than ours, so the list would make the floor too high.)
$manifest = $manifest -replace "RequiredAssemblies\s*=\s*@\([^)]*\)", "RequiredAssemblies = @()"
$manifest = $manifest -replace "CmdletsToExport\s*=\s*@\([^)]*\)", "CmdletsToExport = @()"
Set-Content (Join-Path $floorModule 'RdsRecovery.psd1') $manifest

$cases = [ordered]@{
    'bare start'         = 'exit 0'
    'floor import'       = "`$ErrorActionPreference = 'Stop'; Import-Module '$floorModule'; exit 0"
    'RdsRecovery import' = "`$ErrorActionPreference = 'Stop'; Import-Module '$ModulePath'; exit 0"
}
$times = @{}
foreach ($name in $cases.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
# One warm-up of each, then alternate so drift on the machine hits all three alike.
foreach ($iteration in 0..$Iterations) {
    foreach ($name in $cases.Keys) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & ([Environment]::ProcessPath) @pwshArgs -NoProfile -NonInteractive -Command $cases[$name] | Out-Null
        $watch.Stop()
        if ($LASTEXITCODE -ne 0) { throw "'$name' failed with exit code $LASTEXITCODE." }
        if ($iteration -gt 0) { $times[$name].Add($watch.Elapsed.TotalMilliseconds) }
    }
}
Remove-Item $floor -Recurse -Force

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}
$median = @{}
foreach ($name in $cases.Keys) { $median[$name] = Get-Median $times[$name].ToArray() }
$overFloor = $median['RdsRecovery import'] - $median['floor import']
$share = 100 * $overFloor / $median['bare start']
foreach ($name in $cases.Keys) { '{0,-20} median {1,7:N0} ms over {2} runs' -f $name, $median[$name], $Iterations }
'RdsRecovery over floor: {0:N0} ms = {1:N1}% of a bare start (goal: at most 5%)' -f $overFloor, $share
