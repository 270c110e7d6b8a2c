<#
.SYNOPSIS
    Packs the built module (out/RdsRecovery) into a versioned .nupkg that Install-PSResource can install.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
$manifest = Test-ModuleManifest -Path (Join-Path $ModulePath 'RdsRecovery.psd1')
New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$expected = Join-Path $OutputPath "RdsRecovery.$($manifest.Version).nupkg"
if (Test-Path $expected) { Remove-Item $expected }
Compress-PSResource -Path $ModulePath -DestinationPath $OutputPath
if (-not (Test-Path $expected)) { throw "Compress-PSResource did not write $expected." }
Write-Host "Package: $expected"
