<#
.SYNOPSIS
    Runs the Pester suite in this (fresh) process and writes its counts as JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultFile,
    [string] $Filter,
    # Only these files or folders, joined by the platform's path separator; the whole suite when absent.
    [string] $Path
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$env:RDSRECOVERY_MODULE = $ModulePath

$config = New-PesterConfiguration
$config.Run.Path = if ($Path) { @($Path.Split([IO.Path]::PathSeparator)) } else { @((Join-Path $PSScriptRoot 'Pester'), (Join-Path $PSScriptRoot '../examples')) }
$config.Run.PassThru = $true
$config.Output.RenderMode = 'Plaintext'
$config.Output.Verbosity = 'Normal'
if ($Filter) { $config.Filter.FullName = "*$Filter*" }

$result = Invoke-Pester -Configuration $config
# A failed BeforeAll or a broken file fails blocks and containers, not tests: count those too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $ResultFile
