# The two restore API versions end to end: Connect-RdsAccount -ApiVersion (or RDSRECOVERY_API_VERSION), the path and
# body each sends (restore_all_database on v3.1), -WhatIf, the job and the journal, and the rule profile checks follow.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name apiversion
    $script:SavedApiVersion = $env:RDSRECOVERY_API_VERSION

    function Connect-Version([string] $Version) {
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId `
            -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -ApiVersion $Version -PassThru
    }
    function Get-LastJournalLine { Get-Content -LiteralPath $env:RDSRECOVERY_JOURNAL | Select-Object -Last 1 | ConvertFrom-Json }
    $script:ShopNew = '82bad2b7cdbe0b6d0bfefc9f96f884ddin01'   # MySQL 8.0.32
}

AfterAll {
    $env:RDSRECOVERY_API_VERSION = $SavedApiVersion
    Stop-EndToEnd
}

Describe 'Connect-RdsAccount -ApiVersion' {
    AfterEach { $env:RDSRECOVERY_API_VERSION = $null }

    It 'defaults to v3 and the Seed profile, and shows both' {
        $env:RDSRECOVERY_API_VERSION = $null
        $connection = Connect-EndToEnd -PassThru
        $connection.ApiVersion | Should -Be 'v3'
        "$($connection.RuleProfile)" | Should -Be 'Seed'
        "$connection" | Should -BeLike '*API v3'
    }

    It 'takes v3.1 from the parameter or from RDSRECOVERY_API_VERSION' {
        (Connect-Version v3.1).ApiVersion | Should -Be 'v3.1'
        $env:RDSRECOVERY_API_VERSION = 'v3.1'
        $connection = Connect-EndToEnd -PassThru
        $connection.ApiVersion | Should -Be 'v3.1'
        "$($connection.RuleProfile)" | Should -Be 'V31'
    }

    It 'refuses a variable that names no version with InvalidApiVersion' {
        $env:RDSRECOVERY_API_VERSION = 'v4'
        { Connect-EndToEnd } | Should -Throw -ErrorId 'InvalidApiVersion*'
    }

    It 'refuses a parameter that names no version before anything is resolved' {
        { Connect-Version v4 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Restores over v3.1 and v3' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }
    AfterAll { Connect-EndToEnd }

    It 'v3.1: a SQL Server restore without a map goes to /v3.1/ with restore_all_database, answered 202, recorded in the job and journal' {
        Connect-Version v3.1 | Out-Null
        $job = Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -Force
        $post = @(Get-RestorePost)
        $post.Count | Should -Be 1
        $post[0].path | Should -BeLike '/v3.1/*/instances/recovery'
        $post[0].status | Should -Be 202
        ($post[0].body | ConvertFrom-Json).source.restore_all_database | Should -BeTrue
        $job.ApiVersion | Should -Be 'v3.1'
        $job.RuleProfile | Should -Be 'V31'
        $line = Get-LastJournalLine
        $line.apiVersion | Should -Be 'v3.1'
        $line.ruleProfile | Should -Be 'V31'
        $line.body | Should -BeLike '*"restore_all_database":true*'
        ($job | Wait-RdsRestoreJob @Fast).Status | Should -Be 'Completed'
    }

    It 'v3.1: with a database map restore_all_database is not sent' {
        Connect-Version v3.1 | Out-Null
        Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -DatabaseName @{ staging = 'staging_copy' } -Force | Out-Null
        (Get-RestorePost)[0].body | Should -Not -BeLike '*restore_all_database*'
    }

    It 'v3.1 -SkipCompatibilityCheck: the source is looked up so the body still says restore_all_database' {
        Connect-Version v3.1 | Out-Null
        $job = Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -SkipCompatibilityCheck -Force
        ((Get-RestorePost)[0].body | ConvertFrom-Json).source.restore_all_database | Should -BeTrue
        $job.RuleProfile | Should -BeNullOrEmpty
        (Get-LastJournalLine).ruleProfile | Should -BeNullOrEmpty
    }

    It 'v3: the same restore goes to /v3/ without restore_all_database, answered 200' {
        Connect-EndToEnd
        $job = Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -Force
        $post = (Get-RestorePost)[0]
        $post.path | Should -BeLike '/v3/*/instances/recovery'
        $post.status | Should -Be 200
        $post.body | Should -Not -BeLike '*restore_all_database*'
        ($job.ApiVersion, $job.RuleProfile) | Should -Be @('v3', 'Seed')
    }

    It '-WhatIf shows the exact path, body, version and profile of <Version>' -ForEach @(
        @{ Version = 'v3'; Path = 'POST /v3/{project_id}/instances/recovery'; Profile = 'rule profile Seed'; All = $false }
        @{ Version = 'v3.1'; Path = 'POST /v3.1/{project_id}/instances/recovery'; Profile = 'rule profile V31'; All = $true }
    ) {
        Connect-Version $Version | Out-Null
        # The -WhatIf text goes to the host, not to a stream: a transcript records it.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "rds-whatif-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -LiteralPath $transcript | Out-Null
        try { Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -WhatIf }
        finally { Stop-Transcript | Out-Null }
        $text = (Get-Content -LiteralPath $transcript -Raw) -replace '\r?\n', ''
        Remove-Item -LiteralPath $transcript
        $text | Should -BeLike "*API $Version, $Profile. Body of $Path*"
        ($text -like '*"restore_all_database":true*') | Should -Be $All
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'the v3.1 rules refuse before sending what the v3 rules let through (MySQL 8.0.28 into 8.0.32)' {
        Connect-Version v3.1 | Out-Null
        Restore-RdsInstance -SourceInstanceId $Ids.ShopProd -TargetInstanceId $ShopNew -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1)) -Force `
            -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        ($refused[0] | Get-ErrorId) | Should -Be 'RestoreIncompatible'
        $refused[0].Exception.Message | Should -BeLike '*`[SameVersion`]*'
        $refused[0].Exception.Message | Should -BeLike '*rule profile V31*'
        Get-RestorePost | Should -BeNullOrEmpty
        Connect-EndToEnd
        (Restore-RdsInstance -SourceInstanceId $Ids.ShopProd -TargetInstanceId $ShopNew -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1)) -Force).JobId |
            Should -Match '^[0-9a-f]{32}$'
    }
}

Describe 'Test-RdsRestoreCompatibility -RuleProfile' {
    BeforeAll { Reset-Emulator; Connect-EndToEnd }

    It 'online checks follow the connection; -RuleProfile overrides it and the report says which' {
        $seed = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ShopProd -TargetInstanceId $ShopNew -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1))
        ("$($seed.RuleProfile)", $seed.ApiVersion, $seed.IsCompatible) | Should -Be @('Seed', 'v3', $true)
        $v31 = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ShopProd -TargetInstanceId $ShopNew -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1)) -RuleProfile V31
        ("$($v31.RuleProfile)", $v31.ApiVersion, $v31.IsCompatible) | Should -Be @('V31', 'v3', $false)
        "$($v31['SameVersion'].Outcome)" | Should -Be 'Failed'
        Connect-Version v3.1 | Out-Null
        $followed = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ShopProd -TargetInstanceId $ShopNew -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1))
        ("$($followed.RuleProfile)", $followed.ApiVersion) | Should -Be @('V31', 'v3.1')
        Connect-EndToEnd
    }

    It 'offline, -RuleProfile picks the profile and nothing is read' {
        $source = Get-RdsInstance -InstanceId $Ids.CrmProd
        Disconnect-RdsAccount
        try {
            foreach ($case in @(@{ Profile = 'Seed'; Outcome = 'Passed' }, @{ Profile = 'V31'; Outcome = 'Failed' })) {
                $report = Test-RdsRestoreCompatibility -SourceInstance $source -TargetInstance $source -BackupId $Backups.CrmProdLatest -RuleProfile $case.Profile
                "$($report.RuleProfile)" | Should -Be $case.Profile
                "$($report['SourceAsTargetAllowed'].Outcome)" | Should -Be $case.Outcome
            }
        }
        finally { Connect-EndToEnd }
    }

    It 'offline, objects of the API''s JSON carry time_zone and related_instance into the V31 rules' {
        $json = '{"instances":[' +
            '{"id":"pg1","datastore":{"type":"PostgreSQL","version":"12"},"volume":{"size":100},"region":"r1","related_instance":[]},' +
            '{"id":"pg2","datastore":{"type":"PostgreSQL","version":"12"},"volume":{"size":100},"region":"r1","related_instance":[{"id":"pg9","type":"dr"}]},' +
            '{"id":"pg3","datastore":{"type":"PostgreSQL","version":"12"},"volume":{"size":100},"region":"r1","related_instance":[{"id":"pg9","type":"replica"}]},' +
            '{"id":"sq1","datastore":{"type":"SQLServer","version":"2017_EE"},"volume":{"size":100},"region":"r1","time_zone":"UTC"},' +
            '{"id":"sq2","datastore":{"type":"SQLServer","version":"2017_EE"},"volume":{"size":100},"region":"r1","time_zone":"China Standard Time"}]}'
        $list = ($json | ConvertFrom-Json).instances
        $check = { param($s, $t, $rule) "$((Test-RdsRestoreCompatibility -SourceInstance $list[$s] -TargetInstance $list[$t] -BackupId bk1 -RuleProfile V31)[$rule].Outcome)" }
        & $check 0 1 'TargetNotInDisasterRecovery' | Should -Be 'Failed'
        & $check 0 2 'TargetNotInDisasterRecovery' | Should -Be 'Passed'
        & $check 3 4 'SameTimeZone' | Should -Be 'Failed'
    }
}
