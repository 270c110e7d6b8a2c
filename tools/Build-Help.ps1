<#
.SYNOPSIS
    Builds the module's MAML help and about topic from the platyPS-schema markdown in en-US/.
.DESCRIPTION
    Runs in its own pwsh (a binary module cannot be unloaded). Syntax and parameter metadata come from the
    compiled cmdlets; prose comes from the markdown. Fails (exit 1) when an exported cmdlet has no help file,
    no synopsis, description or example, an undocumented parameter, or when the markdown documents a
    parameter the cmdlet lacks.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1')
Import-Module (Join-Path $PSScriptRoot 'MamlWriter.psm1')

$module = Import-Module (Join-Path $ModulePath 'RdsRecovery.psd1') -PassThru
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$problems = [System.Collections.Generic.List[string]]::new()
$entries = foreach ($command in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $file = Join-Path $SourcePath "$($command.Name).md"
    if (-not (Test-Path $file)) { $problems.Add("$($command.Name): no help file $file"); continue }
    $help = Read-CmdletHelpMarkdown -Path $file
    if (-not $help.Synopsis.Count) { $problems.Add("$($command.Name): no SYNOPSIS") }
    if (-not $help.Description.Count) { $problems.Add("$($command.Name): no DESCRIPTION") }
    if ($help.Examples.Count -lt 2) { $problems.Add("$($command.Name): fewer than two EXAMPLES") }
    foreach ($example in $help.Examples) {
        if (-not $example.Code) { $problems.Add("$($command.Name): example '$($example.Title)' has no code") }
    }
    $own = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters })
    foreach ($name in $own) {
        if (-not $help.Parameters.Contains($name) -or -not $help.Parameters[$name].Count) {
            $problems.Add("$($command.Name): parameter -$name is not described")
        }
    }
    foreach ($name in $help.Parameters.Keys) {
        if ($name -notin $own -and $name -notin 'WhatIf', 'Confirm', 'CommonParameters') {
            $problems.Add("$($command.Name): the markdown documents -$name, which the cmdlet does not have")
        }
    }
    if (-not $help.Inputs.Count) { $problems.Add("$($command.Name): no INPUTS") }
    if (-not $help.Outputs.Count) { $problems.Add("$($command.Name): no OUTPUTS") }
    if (-not $help.RelatedLinks.Count) { $problems.Add("$($command.Name): no RELATED LINKS") }
    @{ Command = $command; Help = $help }
}

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" }
    exit 1
}

$target = Join-Path $ModulePath 'en-US'
New-Item -ItemType Directory -Force -Path $target | Out-Null
if (@($entries).Count) {
    Write-MamlHelp -Path (Join-Path $target 'RdsRecovery.dll-Help.xml') -Entries @($entries)
}
foreach ($about in Get-ChildItem $SourcePath -Filter 'about_*.md') {
    ConvertTo-AboutHelpText -Path $about.FullName |
        Set-Content -LiteralPath (Join-Path $target ($about.BaseName + '.help.txt')) -Encoding utf8NoBOM
}
Write-Host "Help written to $target for $(@($entries).Count) cmdlets."
