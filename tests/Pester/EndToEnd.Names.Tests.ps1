# Names where people think in names (issue 10, points 2 and 3): every instance parameter takes an exact name,
# resolved on the client against one read of the instance list per pipeline; Get-RdsInstance -Name is
# PowerShell's wildcard, and its first positional argument.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name names
    Reset-Emulator

    # The list reads (GET .../instances without an id filter) in the request log.
    function Get-ListRead { @(Get-RequestLog | Where-Object { $_.method -eq 'GET' -and $_.path -match '/instances(\?|$)' -and $_.path -notmatch '[?&]id=' }) }
    function Rename-Instance([string] $Id, [string] $Name) { Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$Id/name" -Method PUT -Body @{ name = $Name } | Out-Null }

    # -WhatIf writes to the host, which only a child process lets a test read.
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
}

AfterAll { Stop-EndToEnd }

Describe 'Get-RdsInstance -Name is a PowerShell wildcard' {
    It 'is case-insensitive: <Pattern> finds <Expected>' -TestCases @(
        @{ Pattern = 'ERP-PROD'; Expected = @('erp-prod') }
        @{ Pattern = 'Erp-*'; Expected = @('erp-dev-small', 'erp-prod', 'erp-reporting', 'erp-staging') }
        @{ Pattern = 'erp-?rod'; Expected = @('erp-prod') }
        @{ Pattern = '[c-d]*-prod'; Expected = @('crm-pg12-prod') }
        @{ Pattern = '*STAGING'; Expected = @('analytics-pg16-staging', 'billing-pg14-staging', 'crm-pg12-staging', 'dw-sql2017-ee-staging', 'erp-staging', 'shop-mysql80-staging') }
    ) {
        @(Get-RdsInstance -Name $Pattern).Name | Sort-Object | Should -Be $Expected
    }

    It 'a wildcard is matched on the client, never sent as the service''s fuzzy name filter' {
        Clear-RequestLog
        @(Get-RdsInstance -Name '*prod').Name | Should -Contain 'erp-prod'
        Get-RequestLog | Where-Object path -Match 'name=' | Should -BeNullOrEmpty
    }

    It 'the first positional argument is -Name' {
        @(Get-RdsInstance 'erp-p*').Name | Should -Be @('erp-prod')
    }

    It 'a value that is exactly an instance id finds that instance (Get-RdsInstance <id> keeps working)' {
        @(Get-RdsInstance $Ids.CrmProd).Name | Should -Be @('crm-pg12-prod')
    }

    It 'a plain name that matches nothing is a non-terminating ObjectNotFound error; the other names still come' {
        $found = @(Get-RdsInstance -Name 'no-such-db', 'erp-prod' -ErrorAction SilentlyContinue -ErrorVariable failure)
        $found.Name | Should -Be @('erp-prod')
        $failure.Count | Should -Be 1
        $failure[0] | Get-ErrorId | Should -Be 'InstanceNotFound'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be 'no-such-db'
    }

    It 'a wildcard that matches nothing is silent, as Get-Process does' {
        @(Get-RdsInstance -Name 'no-such-*' -ErrorVariable failure).Count | Should -Be 0
        $failure | Should -BeNullOrEmpty
    }

    It 'combines with -Engine (sent to the service)' {
        @(Get-RdsInstance -Name '*prod' -Engine MySQL).Name | Sort-Object | Should -Be @('erp-prod', 'shop-mysql80-prod')
    }
}

Describe 'Instance parameters take exact names' {
    BeforeEach { Reset-Emulator }

    It '<Command> -InstanceId takes a name' -TestCases @(
        @{ Command = 'Get-RdsInstance'; Property = 'Id' }
        @{ Command = 'Get-RdsBackup'; Property = 'InstanceId' }
        @{ Command = 'Get-RdsRestoreWindow'; Property = 'InstanceId' }
    ) {
        $out = @(& $Command -InstanceId 'erp-prod')
        $out.Count | Should -BeGreaterThan 0
        $out.$Property | Sort-Object -Unique | Should -Be $Ids.ErpProd
    }

    It 'Get-RdsSqlServerDatabase -InstanceId takes a name' {
        @(Get-RdsSqlServerDatabase -InstanceId 'bi-sql2016-web').InstanceId | Sort-Object -Unique | Should -Be $Ids.BiWeb
    }

    It 'Test-RdsRestoreCompatibility resolves both names to ids' {
        $report = Test-RdsRestoreCompatibility -SourceInstanceId erp-prod -TargetInstanceId erp-staging -BackupId $Backups.ErpProdLatest
        $report.Request.SourceInstanceId | Should -Be $Ids.ErpProd
        $report.Request.TargetInstanceId | Should -Be $Ids.ErpStaging
        $report.IsCompatible | Should -BeTrue
    }

    It 'Restore-RdsInstance sends, journals and returns resolved ids' {
        $job = Restore-RdsInstance -SourceInstanceId erp-prod -TargetInstanceId erp-staging -BackupId $Backups.ErpProdLatest -Confirm:$false
        $job.SourceInstanceId | Should -Be $Ids.ErpProd
        $job.TargetInstanceId | Should -Be $Ids.ErpStaging
        $job.TargetInstanceName | Should -Be 'erp-staging'
        $body = (Get-RestorePost)[0].body | ConvertFrom-Json
        $body.source.instance_id | Should -Be $Ids.ErpProd
        $body.target.instance_id | Should -Be $Ids.ErpStaging
        $journal = Get-Content $JournalPath -Raw
        $journal | Should -Match $Ids.ErpStaging
        $journal | Should -Not -Match '"erp-staging"'
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'Get-RdsRestoreJob -Recent -TargetInstanceId takes a name' {
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false
        @(Get-RdsRestoreJob -Recent -TargetInstanceId erp-staging).JobId | Should -Contain $job.JobId
        @(Get-RdsRestoreJob -Recent -TargetInstanceId crm-pg12-staging).JobId | Should -Not -Contain $job.JobId
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'reads the instance list once per pipeline, not once per row' {
        $rows = "SourceInstanceId,TargetInstanceId,BackupId`n" +
            "erp-prod,erp-staging,$($Backups.ErpProdLatest)`nerp-prod,erp-reporting,$($Backups.ErpProdLatest)`ncrm-pg12-prod,crm-pg12-staging,$($Backups.CrmProdLatest)"
        Clear-RequestLog
        $reports = @($rows | ConvertFrom-Csv | Test-RdsRestoreCompatibility)
        $reports.Count | Should -Be 3
        $reports[2].Request.TargetInstanceId | Should -Be $Ids.CrmStaging
        (Get-ListRead).Count | Should -Be 1
    }

    It 'ids need no list read' {
        Clear-RequestLog
        Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest | Out-Null
        Get-ListRead | Should -BeNullOrEmpty
    }

    It 'a value that is neither an id nor a name is refused before any request' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId 'erp prod' -TargetInstanceId 'erp/staging' -BackupId $Backups.ErpProdLatest -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        ($failure | Get-ErrorId) | Should -Contain 'InvalidInstanceId'
        $failure[0].TargetObject | Should -Be 'erp prod'
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'a name that matches no instance is InstanceNotFound and sends no restore' {
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId 'erp.prod.old' -TargetInstanceId erp-staging -BackupId $Backups.ErpProdLatest -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'InstanceNotFound'
        $failure[0].TargetObject | Should -Be 'erp.prod.old'
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'a name two instances share is refused, listing their ids, and nothing is sent' {
        Rename-Instance $Ids.ErpReporting 'erp-staging'
        Clear-RequestLog
        Restore-RdsInstance -SourceInstanceId erp-prod -TargetInstanceId erp-staging -BackupId $Backups.ErpProdLatest -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0] | Get-ErrorId | Should -Be 'InstanceNameAmbiguous'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match $Ids.ErpStaging
        $failure[0].Exception.Message | Should -Match $Ids.ErpReporting
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'the -WhatIf body carries the resolved ids, and the preview leads with the target''s name' {
        $printed = Invoke-ChildPwsh -ConnectTo $Emulator "Restore-RdsInstance -SourceInstanceId erp-prod -TargetInstanceId erp-staging -BackupId $($Backups.ErpProdLatest) -WhatIf"
        ($printed -replace '\s*\n\s*', '') | Should -BeLike ('*{"source":{"instance_id":"' + $Ids.ErpProd + '","type":"backup","backup_id":"' + $Backups.ErpProdLatest + '"},"target":{"instance_id":"' + $Ids.ErpStaging + '"}}*')
        $printed | Should -Match ([regex]::Escape("What if: erp-staging ($($Ids.ErpStaging))"))
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'offline (-WhatIf, no connection) a name that cannot be an id is InstanceNameUnresolved' {
        $printed = Invoke-ChildPwsh "try { Restore-RdsInstance -SourceInstanceId 'erp.prod' -TargetInstanceId 'erp.staging' -BackupId bk1 -WhatIf } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId }; Get-Error -Newest 1 | Out-Null; `$Error | ForEach-Object { `$_.FullyQualifiedErrorId }"
        $printed | Should -Match 'InstanceNameUnresolved'
        $printed | Should -Not -Match 'What if'
    }
}

Describe 'Completing -Name' {
    It 'offers instance names, not ids' {
        $line = 'Get-RdsInstance -Name erp-p'
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $completions.CompletionText | Should -Be @('erp-prod')
        $completions[0].ToolTip | Should -Match $Ids.ErpProd
    }
}
