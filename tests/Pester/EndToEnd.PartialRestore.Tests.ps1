# Database- and table-level point-in-time restores (issue 14) against the emulator: the listings, the restores
# (MySQL and PostgreSQL), every rule refusing before anything is sent, the conventions of the instance restore
# (-WhatIf body, journal, jobs, one POST per instance), and proof from the emulator's data of what was restored.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    . (Join-Path $PSScriptRoot 'EndToEnd.PartialRestore.Helpers.ps1')
    Start-EndToEnd -Name partial
}

AfterAll { Stop-EndToEnd }

Describe 'Get-RdsRestorableDatabase' {
    BeforeAll { Reset-Emulator }

    It 'lists the databases of MySQL and PostgreSQL instances (ids, names, piped) with table counts and the limits' {
        $t = Get-RecentTime $Ids.ErpProd
        $dbs = @(Get-RdsRestorableDatabase -InstanceId erp-prod, $Ids.CrmProd -RestoreTime $t)
        ($dbs | Where-Object InstanceId -eq $Ids.ErpProd).Name | Should -Be @('erp', 'erp_audit')
        ($dbs | Where-Object InstanceId -eq $Ids.CrmProd).Name | Should -Be @('crm')
        $dbs[0].InstanceName | Should -Be 'erp-prod'
        $dbs[0].TotalTables | Should -Be 3
        $dbs[0].DatabaseLimit | Should -Be 2000
        $dbs[0].TableLimit | Should -Be 20000
        $dbs[0].RestoreTime.Offset | Should -Be ([TimeSpan]::Zero)
        @(Get-RdsInstance -InstanceId $Ids.ErpProd | Get-RdsRestorableDatabase -RestoreTime $t -Name '*AUDIT').Name | Should -Be @('erp_audit')
    }

    It 'lists a database dropped since at a time before the drop, and not after it' {
        $t = Get-RecentTime $Ids.ErpStaging
        Set-History $Ids.ErpStaging @(@{ at = $t.AddMinutes(-20).ToUnixTimeMilliseconds(); action = 'create'; database = 'ledger' }, @{ at = $t.AddMinutes(-10).ToUnixTimeMilliseconds(); action = 'drop'; database = 'ledger' })
        (Get-RdsRestorableDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t.AddMinutes(-15)).Name | Should -Contain 'ledger'
        (Get-RdsRestorableDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t).Name | Should -Not -Contain 'ledger'
    }

    It 'refuses a SQL Server instance with OperationNotSupportedByEngine and still lists the others' {
        $t = Get-RecentTime $Ids.ErpProd
        $dbs = @(Get-RdsRestorableDatabase -InstanceId $Ids.BiWeb, $Ids.ErpProd -RestoreTime $t -ErrorVariable e -ErrorAction SilentlyContinue)
        $e[0] | Get-ErrorId | Should -Be 'OperationNotSupportedByEngine'
        $e[0].TargetObject | Should -Be $Ids.BiWeb
        $dbs.Name | Should -Contain 'erp'
    }

    It 'a failed listing is an error record about the instance it was for' {
        $t = Get-RecentTime $Ids.ErpProd
        Set-Fault @{ kind = 'error'; status = 400; error_code = 'DBS.200001'; method = 'POST'; path = '/history/databases$' }
        try { Get-RdsRestorableDatabase -InstanceId erp-prod -RestoreTime $t -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null }
        finally { Clear-Fault }
        $failure.Count | Should -Be 1
        $failure[0].TargetObject | Should -Be $Ids.ErpProd
    }

    It 'refuses a time without a zone (RestoreTimeNotUtc) and sends no listing' {
        Clear-RequestLog
        Get-RdsRestorableDatabase -InstanceId $Ids.ErpProd -RestoreTime '2026-11-27 10:00:00' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'RestoreTimeNotUtc'
        @(Get-RequestLog | Where-Object path -like '*/history/*').Count | Should -Be 0
    }
}

Describe 'Restore-RdsDatabase' {
    BeforeAll { Reset-Emulator }

    It 'restores a MySQL database under a new name: one POST, a typed job, the copy holds the data as of that time' {
        Clear-RequestLog
        $t = Get-RecentTime $Ids.ErpProd
        $job = Restore-RdsDatabase -InstanceId erp-prod -RestoreTime $t -DatabaseName @{ erp = 'erp_before' } -Force -WarningAction SilentlyContinue
        $job | Should -BeOfType ([RdsRecovery.Model.RdsRestoreJob])
        $job.Kind | Should -Be 'Database'
        $job.TargetInstanceId | Should -Be $Ids.ErpProd
        $job.RestoredObjects | Should -Be 'erp -> erp_before'
        $posts = @(Get-PartialRestorePost)
        $posts.Count | Should -Be 1
        $body = $posts[0].body | ConvertFrom-Json
        $body.instances.Count | Should -Be 1
        $body.instances[0].instance_id | Should -Be $Ids.ErpProd
        $body.instances[0].restore_time | Should -Be $t.ToUnixTimeMilliseconds()
        $body.instances[0].databases[0].old_name | Should -Be 'erp'
        $body.instances[0].databases[0].new_name | Should -Be 'erp_before'
        $done = Get-RdsRestoreJob -JobId $job.JobId | Wait-RdsRestoreJob @Fast
        $done.Status | Should -Be 'Completed'
        $restored = (Get-Tables $Ids.ErpProd).databases | Where-Object name -eq 'erp_before'
        $restored.data_version | Should -Be ('erp-prod@' + $t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))
        (Get-Tables $Ids.ErpProd).databases.name | Should -Contain 'erp'
        @(Get-RdsRestoreJob -Recent | Where-Object JobId -eq $job.JobId).Kind | Should -Be 'Database'
    }

    It 'restores a PostgreSQL database with -Wait and progress, writing the job once in its final state' {
        $t = Get-RecentTime $Ids.CrmProd
        $jobs = @(Restore-RdsDatabase -InstanceId $Ids.CrmProd -RestoreTime $t -DatabaseName @{ crm = 'crm_before' } -Force -Wait @Fast -WarningAction SilentlyContinue)
        $jobs.Count | Should -Be 1
        $jobs[0].Status | Should -Be 'Completed'
        (Get-Tables $Ids.CrmProd).databases.name | Should -Contain 'crm_before'
    }

    It 'sends one request per instance when several are piped in, and writes one job each' {
        Clear-RequestLog
        $t = Get-RecentTime $Ids.ErpStaging
        $jobs = @(Get-RdsInstance -InstanceId $Ids.ErpStaging, $Ids.ErpDevSmall | Restore-RdsDatabase -RestoreTime $t -DatabaseName @{ erp = 'erp_piped' } -Force -WarningAction SilentlyContinue)
        $jobs.TargetInstanceId | Should -Be @($Ids.ErpStaging, $Ids.ErpDevSmall)
        $posts = @(Get-PartialRestorePost)
        $posts.Count | Should -Be 2
        ($posts | ForEach-Object { ($_.body | ConvertFrom-Json).instances.Count }) | Should -Be @(1, 1)
        $jobs | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'refuses one instance of several by its rule and still restores the others' {
        Clear-RequestLog
        $t = (Get-Date).ToUniversalTime().AddMinutes(-10)
        $jobs = @(Restore-RdsDatabase -InstanceId $Ids.ErpStaging, $Ids.CrmStaging -RestoreTime $t -DatabaseName @{ erp = 'erp_x' } -Force -ErrorAction SilentlyContinue -ErrorVariable e -WarningAction SilentlyContinue)
        $jobs.TargetInstanceId | Should -Be @($Ids.ErpStaging)
        # crm-pg12-staging has no database erp: refused by the rule, nothing sent for it.
        $e[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $e[0].TargetObject.Request.InstanceId | Should -Be $Ids.CrmStaging
        @(Get-PartialRestorePost).Count | Should -Be 1
        $jobs | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'asks at $ConfirmPreference Medium, and a host that cannot ask sends nothing (ConfirmationUnavailable)' {
        Clear-RequestLog
        $ConfirmPreference = 'Medium'
        { Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -DatabaseName @{ erp = 'erp_asked' } -WarningAction SilentlyContinue -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfirmationUnavailable*'
        @(Get-PartialRestorePost).Count | Should -Be 0
    }

    It 'offline -WhatIf shows the exact body with every rule NotChecked and reads nothing' {
        Disconnect-RdsAccount
        try {
            Clear-RequestLog
            $t = [DateTimeOffset]::Parse('2026-11-27T23:00:00Z')
            $transcript = Join-Path ([IO.Path]::GetTempPath()) "partial-offline-$([guid]::NewGuid().ToString('N')).txt"
            Start-Transcript -Path $transcript | Out-Null
            try { Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime $t -DatabaseName @{ erp = 'erp_x' } -WhatIf -WarningAction SilentlyContinue }
            finally { Stop-Transcript | Out-Null }
            $out = (Get-Content $transcript -Raw) -replace '\r?\n', ''
            Remove-Item $transcript
            $out | Should -Match ([regex]::Escape('"restore_time":' + $t.ToUnixTimeMilliseconds() + ',"instance_id":"' + $Ids.ErpProd + '"'))
            @(Get-RequestLog).Count | Should -Be 0
            { Restore-RdsTable -InstanceId $Ids.ErpProd -RestoreTime $t -Database erp -Table @{ orders = 'o2' } -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
        }
        finally { Connect-EndToEnd | Out-Null }
    }

    It '-RestoreTime Latest restores as of the end of the instance''s newest window, and the listing reads the same time' {
        # The emulator's newest window ends a few minutes before now, so it moves while the test runs: each read of
        # Latest lies between the end seen before it and the end seen after it.
        Clear-RequestLog
        $newestEnd = { (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd | Sort-Object End | Select-Object -Last 1).End.ToUnixTimeMilliseconds() }
        $before = & $newestEnd
        $listed = (Get-RdsRestorableDatabase -InstanceId $Ids.ErpProd -RestoreTime latest)[0].RestoreTime.ToUnixTimeMilliseconds()
        $job = Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime Latest -DatabaseName @{ erp_audit = 'erp_audit_latest' } -Force -WarningAction SilentlyContinue
        $after = & $newestEnd
        $listed | Should -BeGreaterOrEqual $before
        $job.RestoreTime.ToUnixTimeMilliseconds() | Should -BeGreaterOrEqual $listed
        $job.RestoreTime.ToUnixTimeMilliseconds() | Should -BeLessOrEqual $after
        (@(Get-PartialRestorePost)[0].body | ConvertFrom-Json).instances[0].restore_time | Should -Be $job.RestoreTime.ToUnixTimeMilliseconds()
        $job | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It '-WhatIf shows the exact body and sends nothing' {
        Clear-RequestLog
        $t = Get-RecentTime $Ids.ErpProd
        # The What if line goes to the host, so a transcript is what shows it.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "partial-whatif-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript | Out-Null
        try { Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime $t -DatabaseName @{ erp_audit = 'erp_audit_x' } -WhatIf -WarningAction SilentlyContinue | Should -BeNullOrEmpty }
        finally { Stop-Transcript | Out-Null }
        $out = (Get-Content $transcript -Raw) -replace '\r?\n', ''
        Remove-Item $transcript
        $out | Should -Match ([regex]::Escape('{"instances":[{"restore_time":' + $t.ToUnixTimeMilliseconds() + ',"instance_id":"' + $Ids.ErpProd + '","databases":[{"old_name":"erp_audit","new_name":"erp_audit_x"}]}]}'))
        @(Get-PartialRestorePost).Count | Should -Be 0
    }

    It 'asks for fast restore only where the service says the instance supports it' {
        Clear-RequestLog
        $t = Get-RecentTime $ShopProd
        $job = Restore-RdsDatabase -InstanceId $ShopProd -RestoreTime $t -DatabaseName @{ shop = 'shop_fast' } -FastRestore -Force -WarningAction SilentlyContinue
        (@(Get-PartialRestorePost)[0].body | ConvertFrom-Json).instances[0].is_fast_restore | Should -BeTrue
        $job | Wait-RdsRestoreJob @Fast | Out-Null
        Clear-RequestLog
        Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -DatabaseName @{ erp = 'erp_fast' } -FastRestore -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $e[0].TargetObject['FastRestoreSupported'].Outcome | Should -Be 'Failed'
        @(Get-PartialRestorePost).Count | Should -Be 0
    }
}

Describe 'Restore-RdsDatabase refuses before anything is sent' {
    BeforeAll { Reset-Emulator }

    BeforeEach { Clear-RequestLog }

    It 'fails rule <Rule> for <Case>, with the report as the target' -ForEach @(
        @{ Rule = 'DatabaseToRestoreExists'; Case = 'a database that did not exist then'; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Map = @{ nope = 'nope_x' } }
        @{ Rule = 'DatabaseNameNotInUse'; Case = 'a new name already in use'; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Map = @{ erp = 'erp_audit' } }
        @{ Rule = 'DatabaseNameAllowed'; Case = 'a PostgreSQL name starting with pg'; Instance = '013ff9960a8ebe5278ca25bdca242e9din03'; Map = @{ crm = 'pg_crm' } }
        @{ Rule = 'DatabaseNameAllowed'; Case = 'a dot in a MySQL name'; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Map = @{ erp = 'erp.copy' } }
        @{ Rule = 'EngineSupportsPartialRestore'; Case = 'a SQL Server instance'; Instance = 'e00e9cefac28bf952191d47d88218580in04'; Map = @{ sales = 'sales_x' } }
    ) {
        $t = Get-RecentTime $Instance
        Restore-RdsDatabase -InstanceId $Instance -RestoreTime $t -DatabaseName $Map -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $e[0].TargetObject | Should -BeOfType ([RdsRecovery.Rules.CompatibilityReport])
        $e[0].TargetObject[$Rule].Outcome | Should -Be 'Failed'
        $e[0].Exception.Message | Should -Match "\[$Rule\]"
        @(Get-PartialRestorePost).Count | Should -Be 0
    }

    It 'fails RestoreTimeInWindow for a time before every restorable window' {
        $start = (Get-RdsRestoreWindow -InstanceId $Ids.ErpProd | Sort-Object Start | Select-Object -First 1).Start
        Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime $start.AddHours(-1) -DatabaseName @{ erp = 'erp_old' } -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0].TargetObject['RestoreTimeInWindow'].Outcome | Should -Be 'Failed'
        @(Get-PartialRestorePost).Count | Should -Be 0
    }

    It 'fails RestoreCountWithinLimit when more databases are named than database_limit' {
        Invoke-RdsEmulatorAdmin $Emulator -Path restore-limits -Method PUT -Body @{ database_limit = 1 } | Out-Null
        try {
            Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -DatabaseName ([ordered]@{ erp = 'e1'; erp_audit = 'e2' }) -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $e[0].TargetObject['RestoreCountWithinLimit'].Outcome | Should -Be 'Failed'
            @(Get-PartialRestorePost).Count | Should -Be 0
        }
        finally { Reset-Emulator }
    }

    It 'fails TargetNotBusy while a restore runs on the instance, and sends the second restore never' {
        $t = Get-RecentTime $Ids.ErpStaging
        $first = Restore-RdsDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t -DatabaseName @{ erp = 'erp_one' } -Force -WarningAction SilentlyContinue
        Restore-RdsDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t -DatabaseName @{ erp = 'erp_two' } -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0].TargetObject['TargetNotBusy'].Outcome | Should -Be 'Failed'
        @(Get-PartialRestorePost).Count | Should -Be 1
        $first | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'refuses <Case> with <Id> and reads nothing about the instance' -ForEach @(
        @{ Case = 'an empty map'; Id = 'InvalidDatabaseMap'; Map = @{}; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Time = $null }
        @{ Case = 'a new name equal to the old'; Id = 'InvalidDatabaseMap'; Map = @{ erp = 'ERP' }; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Time = $null }
        @{ Case = 'a malformed instance id'; Id = 'InvalidInstanceId'; Map = @{ erp = 'x' }; Instance = 'bad id;drop'; Time = $null }
        @{ Case = 'a time without a zone'; Id = 'RestoreTimeNotUtc'; Map = @{ erp = 'x' }; Instance = '7b63b40ca1c07d188407e3c64ee772bdin01'; Time = '2026-11-27 10:00' }
    ) {
        $time = if ($Time) { $Time } else { (Get-Date).ToUniversalTime().AddMinutes(-10) }
        Restore-RdsDatabase -InstanceId $Instance -RestoreTime $time -DatabaseName $Map -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be $Id
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'with -SkipCompatibilityCheck a busy instance is the service''s refusal (RdsResourceBusy), and the POST is not sent again' {
        $t = Get-RecentTime $Ids.ErpStaging
        $first = Restore-RdsDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t -DatabaseName @{ erp = 'erp_busy_one' } -Force -WarningAction SilentlyContinue
        Clear-RequestLog
        Restore-RdsDatabase -InstanceId $Ids.ErpStaging -RestoreTime $t -DatabaseName @{ erp = 'erp_busy_two' } -Force -SkipCompatibilityCheck -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'RdsResourceBusy'
        @(Get-PartialRestorePost).Count | Should -Be 1
        (Get-Content $JournalPath | Select-Object -Last 1 | ConvertFrom-Json).phase | Should -Be 'Refused'
        $first | Wait-RdsRestoreJob @Fast | Out-Null
    }

    It 'a lost answer is RestoreOutcomeUnknown: the POST is sent once and the journal says so' {
        Set-Fault @{ kind = 'error'; status = 503; count = 1; method = 'POST'; path = '/batch/restore/databases$' }
        try {
            Restore-RdsDatabase -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -DatabaseName @{ erp = 'erp_lost' } -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally { Clear-Fault }
        $e[0] | Get-ErrorId | Should -Be 'RestoreOutcomeUnknown'
        @(Get-PartialRestorePost).Count | Should -Be 1
        (Get-Content $JournalPath | Select-Object -Last 1 | ConvertFrom-Json).phase | Should -Be 'OutcomeUnknown'
    }
}
