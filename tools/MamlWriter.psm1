# Writes MAML (the XML help format Get-Help reads for binary cmdlets) from a cmdlet's metadata
# (Get-Command) and its prose (Read-CmdletHelpMarkdown).

Set-StrictMode -Version Latest

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Write-Element([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Value) {
    $Writer.WriteElementString($Prefix, $Name, $ns[$Prefix], $Value)
}

function Write-Para([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    foreach ($p in $Paragraphs) { Write-Element $Writer 'maml' 'para' $p }
    $Writer.WriteEndElement()
}

function Get-PipelineInputText([System.Management.Automation.ParameterMetadata] $Parameter) {
    $kinds = foreach ($set in $Parameter.ParameterSets.Values) {
        if ($set.ValueFromPipeline) { 'ByValue' }
        if ($set.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    }
    $kinds = @($kinds | Select-Object -Unique)
    if ($kinds.Count) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter {
    param(
        [System.Xml.XmlWriter] $Writer,
        [System.Management.Automation.ParameterMetadata] $Parameter,
        [string[]] $Description,
        [bool] $Required,
        [string] $Position,
        [bool] $InSyntax
    )
    $isSwitch = $Parameter.SwitchParameter
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInputText $Parameter))
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $aliases)
    Write-Element $Writer 'maml' 'name' $Parameter.Name
    Write-Para $Writer $Description
    # Nullable<T> reads as T in help, as PowerShell's own help shows it.
    $type = $Parameter.ParameterType
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    $typeName = $type.Name
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($typeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $Writer 'maml' 'name' $type.FullName
    $Writer.WriteEndElement()
    Write-Element $Writer 'dev' 'defaultValue' $(if ($isSwitch) { 'False' } else { 'None' })
    $Writer.WriteEndElement()
}

function Get-OwnParameter([System.Management.Automation.CommandInfo] $Command) {
    $Command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }
}

function Write-CommandHelp {
    param(
        [System.Xml.XmlWriter] $Writer,
        [System.Management.Automation.CmdletInfo] $Command,
        [object] $Help
    )
    $Writer.WriteStartElement('command', 'command', $ns.command)
    $Writer.WriteStartElement('command', 'details', $ns.command)
    Write-Element $Writer 'command' 'name' $Command.Name
    Write-Element $Writer 'command' 'verb' $Command.Verb
    Write-Element $Writer 'command' 'noun' $Command.Noun
    Write-Para $Writer $Help.Synopsis
    $Writer.WriteEndElement()
    Write-Para $Writer $Help.Description

    # Syntax: one item per parameter set, from the compiled metadata.
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        Write-Element $Writer 'maml' 'name' $Command.Name
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $commonParameters -or $_.Name -in 'WhatIf', 'Confirm' } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }
        foreach ($p in $ordered) {
            $metadata = $Command.Parameters[$p.Name]
            $position = if ($p.Position -ge 0) { [string] $p.Position } else { 'named' }
            Write-Parameter $Writer $metadata (Get-ParameterDescription $Help $p.Name) $p.IsMandatory $position $true
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in (Get-OwnParameter $Command) + @($Command.Parameters.Values | Where-Object Name -in 'WhatIf', 'Confirm')) {
        $sets = @($p.ParameterSets.Values)
        $required = @($sets | Where-Object IsMandatory).Count -gt 0
        $positions = @($sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
        $position = if ($positions.Count) { [string] $positions[0] } else { 'named' }
        Write-Parameter $Writer $p (Get-ParameterDescription $Help $p.Name) $required $position $false
    }
    $Writer.WriteEndElement()

    foreach ($pair in @(@('inputTypes', 'inputType', $Help.Inputs), @('returnValues', 'returnValue', $Help.Outputs))) {
        $Writer.WriteStartElement('command', $pair[0], $ns.command)
        foreach ($entry in $pair[2]) {
            $Writer.WriteStartElement('command', $pair[1], $ns.command)
            $Writer.WriteStartElement('dev', 'type', $ns.dev)
            Write-Element $Writer 'maml' 'name' $entry.Type
            $Writer.WriteEndElement()
            Write-Para $Writer $entry.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if ($Help.Notes.Count) {
        $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
        $Writer.WriteStartElement('maml', 'alert', $ns.maml)
        foreach ($p in $Help.Notes) { Write-Element $Writer 'maml' 'para' $p }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        Write-Element $Writer 'maml' 'title' "-------------------------- $($example.Title) --------------------------"
        Write-Element $Writer 'dev' 'code' $example.Code
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        foreach ($p in $example.Remarks) { Write-Element $Writer 'maml' 'para' $p }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Help.RelatedLinks) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        Write-Element $Writer 'maml' 'linkText' $link.Text
        Write-Element $Writer 'maml' 'uri' $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' })
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Get-ParameterDescription($Help, [string] $Name) {
    if ($Name -eq 'WhatIf') { return @('Shows what would happen if the cmdlet runs. The cmdlet is not run.') }
    if ($Name -eq 'Confirm') { return @('Prompts you for confirmation before running the cmdlet.') }
    if ($Help.Parameters.Contains($Name)) { return $Help.Parameters[$Name] }
    @()
}

<#
.SYNOPSIS
    Writes one MAML file holding the help of every given cmdlet.
#>
function Write-MamlHelp {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [object[]] $Entries  # each: @{ Command = CmdletInfo; Help = markdown object }
    )
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
        $writer.WriteAttributeString('xmlns', 'command', $null, $ns.command)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
        foreach ($entry in $Entries) { Write-CommandHelp $writer $entry.Command $entry.Help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

Export-ModuleMember -Function Write-MamlHelp
