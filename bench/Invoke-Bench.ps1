<#
.SYNOPSIS
    Runs every benchmark in bench/ against the freshly built module and emulator; figures go to the console.
    Copy them into bench/README.md with the date and the machine.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorDll
)
$ErrorActionPreference = 'Stop'
$failed = 0

function Invoke-Benchmark([string] $Name, [scriptblock] $Run) {
    Write-Host ''
    Write-Host "== $Name" -ForegroundColor Cyan
    try {
        & $Run | Out-Host
        if ($LASTEXITCODE) { throw "exit code $LASTEXITCODE" }
    }
    catch {
        Write-Host "$Name failed: $_" -ForegroundColor Red
        $script:failed++
    }
}

Invoke-Benchmark 'Import cost' { & (Join-Path $PSScriptRoot 'Measure-ImportCost.ps1') -ModulePath $ModulePath }
Invoke-Benchmark 'Emulator throughput' { dotnet run --project (Join-Path $PSScriptRoot 'emulator') -c Release -- $EmulatorDll 10 16 }
# The others follow one convention: a Measure-*.ps1 in a folder of its own that takes -ModulePath.
foreach ($script in Get-ChildItem $PSScriptRoot -Filter 'Measure-*.ps1' -Recurse | Where-Object { $_.Directory.FullName -ne $PSScriptRoot } | Sort-Object FullName) {
    Invoke-Benchmark $script.Directory.Name { & $script.FullName -ModulePath $ModulePath }
}
exit $failed
