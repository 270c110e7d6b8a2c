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
# Benchmarks added by later work follow one convention: a Run-*.ps1 script in a folder of its own.
foreach ($script in Get-ChildItem $PSScriptRoot -Filter 'Run-*.ps1' -Recurse | Sort-Object FullName) {
    Invoke-Benchmark $script.Directory.Name { & $script.FullName -ModulePath $ModulePath -EmulatorDll $EmulatorDll }
}
exit $failed
