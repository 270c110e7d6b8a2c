# Reads platyPS-schema markdown help (one file per cmdlet) into plain objects.
# Only prose is taken from markdown; syntax and parameter metadata come from the compiled cmdlets,
# so the help cannot drift from the code.

Set-StrictMode -Version Latest

# Splits a document into its '## ' sections, keeping the text under each heading.
function Split-MarkdownSection {
    param([string[]] $Lines, [string] $Level = '## ')
    $sections = [ordered]@{}
    $current = $null
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($Level) -and -not $line.StartsWith($Level + '#')) {
            if ($null -ne $current) { $sections[$current] = $buffer.ToArray() }
            $current = $line.Substring($Level.Length).Trim()
            $buffer.Clear()
            continue
        }
        if ($null -ne $current) { $buffer.Add($line) }
    }
    if ($null -ne $current) { $sections[$current] = $buffer.ToArray() }
    $sections
}

# Turns markdown prose into paragraphs: blank lines separate them, fenced yaml blocks are dropped.
function ConvertTo-Paragraph {
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { continue }
        if ([string]::IsNullOrWhiteSpace($line)) {
            if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()); $current.Clear() }
            continue
        }
        # A list item starts its own paragraph so bullets stay readable in Get-Help.
        if ($line -match '^\s*[-*] ' -and $current.Count) { $paragraphs.Add(($current -join ' ').Trim()); $current.Clear() }
        $current.Add($line.Trim())
    }
    if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()) }
    , $paragraphs.ToArray()
}

function Read-Example {
    param([string[]] $Lines)
    $examples = [System.Collections.Generic.List[object]]::new()
    foreach ($entry in (Split-MarkdownSection -Lines $Lines -Level '### ').GetEnumerator()) {
        $code = [System.Collections.Generic.List[string]]::new()
        $remarks = [System.Collections.Generic.List[string]]::new()
        $state = 'before'
        foreach ($line in $entry.Value) {
            if ($state -eq 'before' -and $line -match '^\s*```') { $state = 'code'; continue }
            if ($state -eq 'code' -and $line -match '^\s*```') { $state = 'after'; continue }
            if ($state -eq 'code') { $code.Add($line) } elseif ($state -eq 'after') { $remarks.Add($line) }
        }
        $examples.Add([pscustomobject]@{
                Title   = $entry.Key
                Code    = ($code -join "`n").Trim()
                Remarks = ConvertTo-Paragraph $remarks.ToArray()
            })
    }
    , $examples.ToArray()
}

function Read-TypeEntry {
    param([string[]] $Lines)
    $entries = [System.Collections.Generic.List[object]]::new()
    foreach ($entry in (Split-MarkdownSection -Lines $Lines -Level '### ').GetEnumerator()) {
        $entries.Add([pscustomobject]@{ Type = $entry.Key; Description = ConvertTo-Paragraph $entry.Value })
    }
    , $entries.ToArray()
}

function Read-RelatedLink {
    param([string[]] $Lines)
    $links = foreach ($line in $Lines) {
        if ($line -match '^\s*[-*]?\s*\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)') {
            [pscustomobject]@{ Text = $Matches.text; Uri = $Matches.uri }
        }
    }
    , @($links)
}

<#
.SYNOPSIS
    Reads one cmdlet's platyPS-schema markdown file.
#>
function Read-CmdletHelpMarkdown {
    param([Parameter(Mandatory)] [string] $Path)
    $lines = Get-Content -LiteralPath $Path
    # Drop the YAML front matter.
    if ($lines.Count -and $lines[0] -eq '---') {
        $end = [Array]::IndexOf($lines, '---', 1)
        if ($end -gt 0) { $lines = $lines[($end + 1)..($lines.Count - 1)] }
    }
    $sections = Split-MarkdownSection -Lines $lines
    $get = { param($name) if ($sections.Contains($name)) { $sections[$name] } else { @() } }

    $parameters = [ordered]@{}
    foreach ($entry in (Split-MarkdownSection -Lines (& $get 'PARAMETERS') -Level '### ').GetEnumerator()) {
        $name = $entry.Key.TrimStart('-').Trim()
        $parameters[$name] = ConvertTo-Paragraph $entry.Value
    }
    [pscustomobject]@{
        Path         = $Path
        Synopsis     = ConvertTo-Paragraph (& $get 'SYNOPSIS')
        Description  = ConvertTo-Paragraph (& $get 'DESCRIPTION')
        Examples     = Read-Example (& $get 'EXAMPLES')
        Parameters   = $parameters
        Inputs       = Read-TypeEntry (& $get 'INPUTS')
        Outputs      = Read-TypeEntry (& $get 'OUTPUTS')
        Notes        = ConvertTo-Paragraph (& $get 'NOTES')
        RelatedLinks = Read-RelatedLink (& $get 'RELATED LINKS')
    }
}

<#
.SYNOPSIS
    Turns an about_*.md topic into the plain-text form Get-Help reads (about_*.help.txt).
#>
function ConvertTo-AboutHelpText {
    param([Parameter(Mandatory)] [string] $Path)
    $lines = Get-Content -LiteralPath $Path
    $text = [System.Text.StringBuilder]::new()
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
        if ($inFence) { [void] $text.AppendLine('    ' + $line); continue }
        if ($line -match '^# (.+)$') { [void] $text.AppendLine('TOPIC').AppendLine('    ' + $Matches[1].ToLowerInvariant()); continue }
        if ($line -match '^## (.+)$') { [void] $text.AppendLine().AppendLine($Matches[1].ToUpperInvariant()); continue }
        if ($line -match '^### (.+)$') { [void] $text.AppendLine().AppendLine('  ' + $Matches[1]); continue }
        [void] $text.AppendLine(('    ' + $line).TrimEnd())
    }
    $text.ToString()
}

Export-ModuleMember -Function Read-CmdletHelpMarkdown, ConvertTo-AboutHelpText
