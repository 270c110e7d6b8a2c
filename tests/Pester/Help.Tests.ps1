#Requires -Version 7.2
# Keeps the help true: every exported cmdlet has complete help through Get-Help, the about topic names every
# error id and rule id, and every example in the help really runs against the local emulator.

BeforeDiscovery {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $modulePath = if ($env:RDSRECOVERY_MODULE) { $env:RDSRECOVERY_MODULE } else { Join-Path $repoRoot 'out/RdsRecovery' }
    # Discovery needs the cmdlets, their examples and the id constants to name one test per item.
    $module = Import-Module (Join-Path $modulePath 'RdsRecovery.psd1') -PassThru
    $cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })

    $examples = foreach ($name in ($module.ExportedCmdlets.Keys | Sort-Object)) {
        $index = 0
        foreach ($example in @((Get-Help $name -Full).examples.example)) {
            $index++
            if (-not $example) { continue }
            @{
                Name  = $name
                # MAML titles come framed by dashes; the test name wants the bare title.
                Title = ($example.title -replace '^[\s-]+|[\s-]+$', '')
                Index = $index
                Code  = [string] $example.code
            }
        }
    }

    $constantsOf = {
        param([type] $Type)
        $Type.GetFields([Reflection.BindingFlags] 'Public, Static') |
            Where-Object { $_.IsLiteral -and $_.FieldType -eq [string] } |
            ForEach-Object { @{ Kind = $Type.Name; Id = [string] $_.GetRawConstantValue() } }
    }
    $ids = @(& $constantsOf ([RdsRecovery.Errors.RdsErrorIds])) + @(& $constantsOf ([RdsRecovery.Rules.RdsRuleIds]))
}

BeforeAll {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $modulePath = if ($env:RDSRECOVERY_MODULE) { $env:RDSRECOVERY_MODULE } else { Join-Path $repoRoot 'out/RdsRecovery' }
    Import-Module (Join-Path $modulePath 'RdsRecovery.psd1')
    Import-Module (Join-Path $repoRoot 'tools/HelpMarkdown.psm1') -Force
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters +
        [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a real synopsis, not the syntax PowerShell generates when help is missing' {
        $synopsis = ([string] $help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
        $synopsis.Length | Should -BeGreaterThan 30
    }

    It 'has a description' {
        (($help.description | Out-String).Trim()).Length | Should -BeGreaterThan 100
    }

    It 'describes every parameter' {
        $own = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters })
        $helpParameters = @($help.parameters.parameter)
        foreach ($parameter in $own) {
            $entry = $helpParameters | Where-Object name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter must appear in Get-Help"
            (($entry.description | Out-String).Trim()) | Should -Not -BeNullOrEmpty -Because "-$parameter must be described"
        }
    }

    It 'documents in markdown exactly the parameters the cmdlet has' {
        $markdown = Read-CmdletHelpMarkdown -Path (Join-Path $repoRoot "en-US/$Name.md")
        $own = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters -and $_ -notin 'WhatIf', 'Confirm' })
        $documented = @($markdown.Parameters.Keys | Where-Object { $_ -notin 'CommonParameters', 'WhatIf', 'Confirm' })
        @($documented | Sort-Object) | Should -Be @($own | Sort-Object)
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            ([string] $example.code).Trim() | Should -Not -BeNullOrEmpty
            (($example.remarks | Out-String).Trim()) | Should -Not -BeNullOrEmpty -Because "example '$($example.title)' needs remarks"
        }
    }

    It 'names its inputs and outputs' {
        @($help.inputTypes.inputType.type.name | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 1
        @($help.returnValues.returnValue.type.name | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 1
    }

    It 'names every declared output type' {
        $declared = @($command.OutputType.Name | Where-Object { $_ -and $_ -ne 'System.Void' })
        $documented = @($help.returnValues.returnValue.type.name)
        foreach ($type in $declared) { $documented | Should -Contain $type }
    }

    It 'has related links, including the about topic' {
        $links = @($help.relatedLinks.navigationLink.linkText)
        $links.Count | Should -BeGreaterOrEqual 2
        $links | Should -Contain 'about_RdsRecovery'
    }
}

Describe 'about_RdsRecovery' {
    BeforeAll {
        $about = Get-Help about_RdsRecovery | Out-String
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_RdsRecovery'
        $about.Length | Should -BeGreaterThan 5000
    }

    It 'covers <_>' -ForEach @('HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID',
        'HUAWEICLOUD_SDK_REGION', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE', '~/.huaweicloud/credentials', '[basic]', 'RDSRECOVERY_JOURNAL',
        '-SkipCompatibilityCheck', '-Timeout', '-Recent', '-Connection', 'Open Telekom Cloud', 'UTC', 'erp-prod', 'erp-staging') {
        $about | Should -BeLike "*$_*"
    }

    It 'names the <Kind> constant <Id>' -ForEach $ids {
        $about | Should -Match "\b$([regex]::Escape($Id))\b"
    }
}

Describe 'Examples stand on their own' {
    It '<Name>: <Title> defines every variable it reads' -ForEach $examples {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $null)
        $find = { param([type] $Type) @($ast.FindAll({ param($node) $node -is $Type }.GetNewClosure(), $true)) }
        $defined = @(& $find ([System.Management.Automation.Language.AssignmentStatementAst]) |
                ForEach-Object { $_.Left.FindAll({ param($node) $node -is [System.Management.Automation.Language.VariableExpressionAst] }, $true) } |
                ForEach-Object { $_.VariablePath.UserPath })
        $defined += @(& $find ([System.Management.Automation.Language.ForEachStatementAst]) | ForEach-Object { $_.Variable.VariablePath.UserPath })
        # -ErrorVariable failure, -WarningVariable warned, ... define a variable too.
        $defined += @(& $find ([System.Management.Automation.Language.CommandParameterAst]) |
                Where-Object { $_.ParameterName -match 'Variable$' -and $_.Argument } | ForEach-Object { $_.Argument.Value })
        $automatic = 'true', 'false', 'null', '_', 'PSItem', 'Error', 'input', 'args', 'Matches', 'LASTEXITCODE', 'PSScriptRoot', 'HOME', 'PWD', 'PID', 'IsWindows'
        $read = @(& $find ([System.Management.Automation.Language.VariableExpressionAst]) | ForEach-Object { $_.VariablePath.UserPath } |
                Where-Object { $_ -notmatch '^(env|using):' -and $_ -notin $automatic -and $_ -notmatch 'Preference$' } | Sort-Object -Unique)
        @($read | Where-Object { $_ -notin $defined }) | Should -BeNullOrEmpty -Because 'a reader copies an example as it stands'
    }
}

Describe 'Examples run against the emulator' {
    BeforeAll {
        Import-Module (Join-Path $repoRoot 'tools/RdsEmulator.psm1') -Force
        # The examples submit restores: keep their journal lines out of the user's own journal.
        $savedJournal = $env:RDSRECOVERY_JOURNAL
        $env:RDSRECOVERY_JOURNAL = Join-Path ([IO.Path]::GetTempPath()) "rdsrecovery-help-journal-$PID.jsonl"
        # Examples may set the SDK variables; each starts and ends without them.
        $sdkVariables = 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_REGION'
        $savedSdk = @{}
        foreach ($variable in $sdkVariables) { $savedSdk[$variable] = [Environment]::GetEnvironmentVariable($variable) }

        $emulator = Start-RdsTestEmulator -JobInvisibleMs 200 -JobDurationMs 1200
        # Examples define their own variables and name the emulator at its documented address
        # (build.ps1 -Task Emulator -Port 8443); this run points that address at its own emulator.
        $documentedEndpoint = 'http://127.0.0.1:8443'
        $credential = [pscredential]::new($emulator.AccessKey, (ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force))
    }

    AfterAll {
        if ($emulator) { $emulator | Stop-RdsTestEmulator }
        Disconnect-RdsAccount
        # The journal and the lock file its appends take turns on.
        Remove-Item -LiteralPath $env:RDSRECOVERY_JOURNAL, "$env:RDSRECOVERY_JOURNAL.lock" -ErrorAction Ignore
        $env:RDSRECOVERY_JOURNAL = $savedJournal
        foreach ($variable in $sdkVariables) { [Environment]::SetEnvironmentVariable($variable, $savedSdk[$variable]) }
    }

    BeforeEach {
        foreach ($variable in $sdkVariables) { [Environment]::SetEnvironmentVariable($variable, $null) }
        # The reset forgets every job, so the journal of jobs sent starts empty too (as it would with a real service).
        Remove-Item -LiteralPath $env:RDSRECOVERY_JOURNAL -ErrorAction Ignore
        Invoke-RdsEmulatorAdmin -Emulator $emulator -Path 'reset' -Method Post | Out-Null
        Connect-RdsAccount -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -Credential $credential
    }

    AfterEach {
        foreach ($variable in $sdkVariables) { [Environment]::SetEnvironmentVariable($variable, $null) }
    }

    It '<Name>: <Title>' -ForEach $examples {
        $ConfirmPreference = 'None'
        $ProgressPreference = 'SilentlyContinue'
        $errorsBefore = $Error.Count
        # A new scope per example, with every error made terminating so none passes unnoticed.
        $example = [scriptblock]::Create("`$ErrorActionPreference = 'Stop'`n" + $Code.Replace($documentedEndpoint, $emulator.BaseUri.TrimEnd('/')))
        $output = try {
            & $example | Out-String -Width 250
        }
        catch {
            throw "The example failed: $($_.FullyQualifiedErrorId): $($_.Exception.Message)`n$Code"
        }
        # An example may demonstrate a refusal, but only by catching it and showing its id.
        $newErrors = @($Error | Select-Object -First ($Error.Count - $errorsBefore))
        foreach ($record in $newErrors) {
            $id = if ($record -is [System.Management.Automation.ErrorRecord]) { ($record.FullyQualifiedErrorId -split ',')[0] } else { "$record" }
            $Code | Should -Match '\bcatch\b' -Because "the example raised $id without catching it"
            $output | Should -BeLike "*$id*" -Because "a caught refusal must be shown by its FullyQualifiedErrorId"
        }
    }
}
