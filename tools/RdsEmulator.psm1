# Starts and stops the local RDS emulator for tests, the demo and the examples.
# The emulator prints one JSON line first (baseUri, accessKey, secretKey, projectId); everything after is drained.

Set-StrictMode -Version Latest

function Get-RdsEmulatorDll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '..')
    foreach ($configuration in 'Release', 'Debug') {
        $dll = Join-Path $root "src/RdsRecovery.Emulator/bin/$configuration/net10.0/RdsRecovery.Emulator.dll"
        if (Test-Path $dll) { return $dll }
    }
    throw 'The emulator is not built: run ./build.ps1 -Task Build first.'
}

<#
.SYNOPSIS
    Starts an emulator on a free loopback port with its own data file; returns its connection facts.
#>
function Start-RdsTestEmulator {
    param(
        [string] $EmulatorDll = (Get-RdsEmulatorDll),
        [int] $JobInvisibleMs = 300,
        [int] $JobDurationMs = 1500,
        [string[]] $ExtraArguments = @(),
        [int] $StartTimeoutSeconds = 60
    )
    $dataDir = Join-Path ([IO.Path]::GetTempPath()) ('rds-emulator-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $dataDir | Out-Null
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($EmulatorDll, '--port', '0', '--data-file', (Join-Path $dataDir 'emulator.db'),
            '--job-invisible-ms', $JobInvisibleMs, '--job-duration-ms', $JobDurationMs) + $ExtraArguments) {
        $start.ArgumentList.Add([string] $argument)
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($StartTimeoutSeconds)) -or -not $firstLine.Result) {
        $errorText = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "The emulator did not announce itself within $StartTimeoutSeconds s. $errorText"
    }
    # Keep draining both streams so the emulator never blocks on a full pipe.
    $drains = @(
        $process.StandardOutput.BaseStream.CopyToAsync([IO.Stream]::Null),
        $process.StandardError.BaseStream.CopyToAsync([IO.Stream]::Null)
    )
    $info = $firstLine.Result | ConvertFrom-Json
    [pscustomobject]@{
        PSTypeName = 'RdsRecovery.TestEmulator'
        Process    = $process
        BaseUri    = $info.baseUri
        AccessKey  = $info.accessKey
        SecretKey  = $info.secretKey
        ProjectId  = $info.projectId
        DataDir    = $dataDir
        Drains     = $drains
    }
}

<#
.SYNOPSIS
    Stops an emulator with SIGTERM (a clean shutdown), then removes its data folder.
#>
function Stop-RdsTestEmulator {
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        $process = $Emulator.Process
        if (-not $process.HasExited) {
            & kill -TERM $process.Id 2>$null
            if (-not $process.WaitForExit(10000)) { $process.Kill($true); $process.WaitForExit(5000) | Out-Null }
        }
        Remove-Item $Emulator.DataDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

<#
.SYNOPSIS
    Calls the emulator's admin API (unsigned, loopback only) under /_emulator/.
#>
function Invoke-RdsEmulatorAdmin {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $uri = $Emulator.BaseUri.TrimEnd('/') + '/_emulator/' + $Path.TrimStart('/')
    $parameters = @{ Uri = $uri; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 10 -Compress }
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

Export-ModuleMember -Function Start-RdsTestEmulator, Stop-RdsTestEmulator, Invoke-RdsEmulatorAdmin, Get-RdsEmulatorDll
