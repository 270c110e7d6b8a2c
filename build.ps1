#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the RdsRecovery module.
.DESCRIPTION
    Build     compiles the solution and lays out an importable module in out/RdsRecovery.
    Test      builds, runs every xunit project (the core ones also under a non-UTC TZ) and the Pester
              suite in a fresh pwsh, and prints 'N passed, N failed' as its last line. With -PesterPath
              it runs only those Pester files (no xunit); one xunit test: dotnet test <project> --filter.
    Demo      builds, then runs tools/Demo.ps1 against the local emulator.
    Emulator  builds, then runs the local RDS emulator in the foreground (-Port, default: a free port).
    Help      turns the platyPS-style markdown in en-US/ into MAML help inside out/RdsRecovery.
    Package   builds a versioned .nupkg of the module into out/packages.
    Bench     runs the benchmarks in bench/.
.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Emulator', 'Help', 'Package', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Emulator task: the loopback port to listen on; 0 picks a free one.
    [int] $Port = 0,
    # Test task: a Pester filter on test names, for a quick local loop.
    [string] $PesterFilter,
    # Test task: run only these Pester files or folders (and no xunit), for example tests/Pester/Format.Tests.ps1.
    [string[]] $PesterPath,
    # Build task: skip building help (for a quick local loop while help is being written; CI never uses it).
    [switch] $SkipHelp
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'RdsRecovery'

# Native tools do not throw on failure; every call goes through here so a failure stops the build.
function Invoke-Native {
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @())
    & $File @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'RdsRecovery.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $moduleOut | Out-Null
    $bin = Join-Path $root "src/RdsRecovery/bin/$Configuration/netstandard2.0"
    # Only our own assemblies ship: System.Text.Json and the rest come with PowerShell itself.
    foreach ($file in 'RdsRecovery.dll', 'RdsRecovery.Core.dll') {
        Copy-Item (Join-Path $bin $file) $moduleOut
    }
    Copy-Item (Join-Path $root 'RdsRecovery.psd1') $moduleOut
    Get-ChildItem (Join-Path $root 'src/RdsRecovery') -Filter '*.ps1xml' | Copy-Item -Destination $moduleOut
    if (-not $SkipHelp) { Invoke-Help }
    Write-Host "Module laid out in $moduleOut"
}

# A fresh pwsh of the same version as this one. Under 'dotnet pwsh' the process is dotnet itself,
# so the child is started as 'dotnet <PSHOME>/pwsh.dll'.
function Get-PwshCommand {
    $processPath = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { return @($processPath, (Join-Path $PSHOME 'pwsh.dll')) }
    @($processPath)
}

function Invoke-Pwsh {
    param([string[]] $Arguments)
    $command = Get-PwshCommand
    $rest = @($command | Select-Object -Skip 1) + $Arguments
    & $command[0] @rest
}

function Invoke-Help {
    $helpScript = Join-Path $root 'tools/Build-Help.ps1'
    if (-not (Test-Path $helpScript)) { return }
    Invoke-Pwsh @('-NoProfile', '-NonInteractive', '-File', $helpScript, '-ModulePath', $moduleOut, '-SourcePath', (Join-Path $root 'en-US')) | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building help failed with exit code $LASTEXITCODE." }
}

function Get-PesterManifest {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Join-Path $packages 'pester/5.9.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.9.1 not found at $manifest; the build restores it through tests/RdsRecovery.PowerShell.Tests." }
    $manifest
}

# Reads pass/fail counts from a VSTest TRX file.
function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -Raw -LiteralPath $Path
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int] $c.passed; Failed = [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted }
}

function Invoke-XunitProject([string] $Project, [string] $Label, [hashtable] $Environment = @{}) {
    $results = Join-Path $out 'test-results'
    $trxName = "$Label.trx"
    $trxPath = Join-Path $results $trxName
    if (Test-Path $trxPath) { Remove-Item $trxPath }
    $saved = @{}
    foreach ($key in $Environment.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $Environment[$key]) }
    try {
        & dotnet test $Project -c $Configuration --no-build --nologo --logger "trx;LogFileName=$trxName" --results-directory $results | Out-Host
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
    if (-not (Test-Path $trxPath)) {
        Write-Host "No test results from $Label (build or runner failure)."
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    $counts = Read-TrxCounts $trxPath
    Write-Host ("{0}: {1} passed, {2} failed" -f $Label, $counts.Passed, $counts.Failed)
    $counts
}

function Invoke-PesterSuite {
    $resultFile = Join-Path $out 'test-results/pester-counts.json'
    if (Test-Path $resultFile) { Remove-Item $resultFile }
    New-Item -ItemType Directory -Force -Path (Split-Path $resultFile) | Out-Null
    $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tests/Invoke-PesterSuite.ps1'),
        '-PesterManifest', (Get-PesterManifest), '-ModulePath', $moduleOut, '-ResultFile', $resultFile)
    if ($PesterFilter) { $arguments += @('-Filter', $PesterFilter) }
    if ($PesterPath) {
        # One string through -File: the resolved paths joined by the platform's path separator.
        $resolved = $PesterPath | ForEach-Object { (Resolve-Path -LiteralPath $_ -ErrorAction Stop).ProviderPath }
        $arguments += @('-Path', ($resolved -join [IO.Path]::PathSeparator))
    }
    # A non-UTC zone, so a time bug that UTC hides shows up (these machines run in UTC).
    $savedTz = $env:TZ
    $env:TZ = 'Asia/Shanghai'
    try { Invoke-Pwsh $arguments | Out-Host } finally { $env:TZ = $savedTz }
    if (-not (Test-Path $resultFile)) {
        Write-Host 'Pester produced no result file.'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    $counts = Get-Content -Raw $resultFile | ConvertFrom-Json
    Write-Host ("Pester: {0} passed, {1} failed" -f $counts.Passed, $counts.Failed)
    [pscustomobject]@{ Passed = [int] $counts.Passed; Failed = [int] $counts.Failed }
}

function Invoke-Test {
    try { Invoke-Build }
    catch {
        Write-Host "Build failed: $_"
        Write-Output '0 passed, 1 failed'
        exit 1
    }
    $all = @()
    if (-not $PesterPath) {
        foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter '*.Tests.csproj' -Recurse) {
            $all += Invoke-XunitProject $project.FullName $project.BaseName
        }
        # The core holds all time arithmetic: run it again in a zone far from UTC.
        $all += Invoke-XunitProject (Join-Path $root 'tests/RdsRecovery.Core.Tests/RdsRecovery.Core.Tests.csproj') 'RdsRecovery.Core.Tests.Asia-Shanghai' @{ TZ = 'Asia/Shanghai' }
    }
    $all += Invoke-PesterSuite
    $passed = ($all | Measure-Object -Property Passed -Sum).Sum
    $failed = ($all | Measure-Object -Property Failed -Sum).Sum
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Get-EmulatorDll {
    Join-Path $root "src/RdsRecovery.Emulator/bin/$Configuration/net10.0/RdsRecovery.Emulator.dll"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Help' { Invoke-Help }
    'Test' { Invoke-Test }
    'Demo' {
        Invoke-Build
        Invoke-Pwsh @('-NoProfile', '-File', (Join-Path $root 'tools/Demo.ps1'), '-ModulePath', $moduleOut, '-EmulatorDll', (Get-EmulatorDll))
        exit $LASTEXITCODE
    }
    'Emulator' {
        Invoke-Build
        & dotnet (Get-EmulatorDll) --port $Port
        exit $LASTEXITCODE
    }
    'Package' {
        Invoke-Build
        Invoke-Pwsh @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/New-ModulePackage.ps1'), '-ModulePath', $moduleOut, '-OutputPath', (Join-Path $out 'packages'))
        exit $LASTEXITCODE
    }
    'Bench' {
        Invoke-Build
        Invoke-Pwsh @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'bench/Invoke-Bench.ps1'), '-ModulePath', $moduleOut, '-EmulatorDll', (Get-EmulatorDll))
        exit $LASTEXITCODE
    }
    'Clean' { if (Test-Path $out) { Remove-Item $out -Recurse -Force } }
}
