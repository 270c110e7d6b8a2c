# Child pwsh processes, for what only a separate process shows: text written to the host (-WhatIf, prompts), a host
# that cannot prompt, several processes at once, a process killed midway. Dot-source this file in BeforeAll.
# A child runs -NoProfile, imports the module under test ($env:RDSRECOVERY_MODULE), prints without colour
# (NO_COLOR=1) and has its standard input closed, so a prompt can never wait for an answer.

# The Connect-RdsAccount line for an emulator from Start-RdsEmulator (its credentials are public test values).
function Get-EmulatorConnectLine($Emulator) {
    "Connect-RdsAccount -Endpoint '$($Emulator.BaseUri)' -Region cn-north-4 -ProjectId '$($Emulator.ProjectId)' " +
    "-AccessKey '$($Emulator.AccessKey)' -SecretKey (ConvertTo-SecureString '$($Emulator.SecretKey)' -AsPlainText -Force)"
}

# The child's executable, and the arguments before pwsh's own: under 'dotnet pwsh' this process is dotnet itself,
# so the child is started as 'dotnet <PSHOME>/pwsh.dll'.
function Get-ChildPwshCommand {
    $exe = [Environment]::ProcessPath
    [pscustomobject]@{
        Path   = $exe
        Prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    }
}

function ConvertTo-EncodedCommand([string] $Text) { [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Text)) }

# Runs the lines in a fresh pwsh -NonInteractive ($ErrorActionPreference Continue; connected to -ConnectTo's
# emulator first when given) and returns everything it printed, all streams, as one string.
function Invoke-ChildPwsh([string] $Script, $ConnectTo) {
    $command = Get-ChildPwshCommand
    $connect = if ($ConnectTo) { Get-EmulatorConnectLine $ConnectTo }
    $encoded = ConvertTo-EncodedCommand "`$ErrorActionPreference = 'Continue'; Import-Module '$($env:RDSRECOVERY_MODULE)'; $connect`n$Script"
    $saved = $env:NO_COLOR
    $env:NO_COLOR = '1'
    $prefix = $command.Prefix
    try { $lines = $null | & $command.Path @prefix -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 }
    finally { $env:NO_COLOR = $saved }
    ($lines | ForEach-Object { "$_" }) -join "`n"
}

# Starts a child pwsh and returns its process, standard output and error redirected (read them, or Receive-ChildPwsh).
# -Interactive drops -NonInteractive; -StopOnError runs the lines under $ErrorActionPreference Stop.
function Start-ChildPwsh([string] $Script, [hashtable] $Environment = @{}, [switch] $Interactive, [switch] $StopOnError) {
    $command = Get-ChildPwshCommand
    $start = [Diagnostics.ProcessStartInfo]::new($command.Path)
    $preference = if ($StopOnError) { "`$ErrorActionPreference = 'Stop'; " }
    $arguments = @($command.Prefix) + @('-NoProfile') + @(if (-not $Interactive) { '-NonInteractive' }) +
        @('-EncodedCommand', (ConvertTo-EncodedCommand "$preference Import-Module '$($env:RDSRECOVERY_MODULE)'`n$Script"))
    foreach ($a in $arguments) { $start.ArgumentList.Add($a) }
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = $Environment[$key] }
    $start.Environment['NO_COLOR'] = '1'
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $process
}

# Waits for a child from Start-ChildPwsh (killing it after -TimeoutSeconds) and returns what it printed and its exit code.
function Receive-ChildPwsh($Process, [int] $TimeoutSeconds = 180) {
    $out = $Process.StandardOutput.ReadToEndAsync()
    $err = $Process.StandardError.ReadToEndAsync()
    if (-not $Process.WaitForExit($TimeoutSeconds * 1000)) { $Process.Kill($true) }
    [pscustomobject]@{ Out = $out.Result; Err = $err.Result; ExitCode = $Process.ExitCode }
}
