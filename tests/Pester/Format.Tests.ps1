# Default views: every output type fits an 80-column console and keeps what decides the next step; times in UTC.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    # Eight hours east of UTC, so a view that printed local time would show 08:30, not 00:30.
    $plus8 = [DateTimeOffset]::new(2026, 11, 28, 8, 30, 0, [TimeSpan]::FromHours(8))

    # The text of the default view at 80 columns; every line must fit and nothing asked for may be cut ('…').
    function Show80([Parameter(ValueFromPipeline)] $InputObject) {
        begin { $all = [Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            $text = $all | Out-String -Width 80
            foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 -Because "'$line' must fit 80 columns" }
            $text
        }
    }

    $script:Instances = @(
        [RdsRecovery.Model.RdsInstance]@{ Id = '873e5ee9a181bbf7008e9576f741aaadin04'; Name = 'hr-sql2008r2-web'; Engine = 'SQLServer'; EngineVersion = '2008_R2_WEB'; Type = 'Single'; Status = 'ACTIVE'; VolumeSizeGB = 100 }
        [RdsRecovery.Model.RdsInstance]@{ Id = '3a7dd72a31e5aa84e6fdfc5a9439d30ein03'; Name = 'analytics-pg16-staging'; Engine = 'PostgreSQL'; EngineVersion = '16'; CompleteVersion = '16.2'; Type = 'Single'; Status = 'RESTORING'; VolumeSizeGB = 500 }
        [RdsRecovery.Model.RdsInstance]@{ Id = '9f3d73c8db31d7b2511534b0123ff974in01'; Name = 'shop-mysql80-prod'; Engine = 'MySQL'; EngineVersion = '8.0'; CompleteVersion = '8.0.28.231003'; Type = 'Replica'; Status = 'STORAGE FULL'; VolumeSizeGB = 12000 }
    )
}

Describe 'Format views at 80 columns' {
    It 'shows instances with name, engine, full version (SQL Server edition included), status and size' {
        $text = $Instances | Show80
        $text | Should -Match 'Name\s+Engine\s+Version\s+Type\s+Status\s+SizeGB'
        $text | Should -Match 'hr-sql2008r2-web\s+SQLServer\s+2008_R2_WEB\s+Single\s+ACTIVE\s+100'
        $text | Should -Match 'analytics-pg16-staging\s+PostgreSQL\s+16\.2\s+Single\s+RESTORING\s+500'
        $text | Should -Match 'shop-mysql80-prod\s+MySQL\s+8\.0\.28\.231003\s+Replica\s+STORAGE FULL\s+12000'
        $text | Should -Not -Match '…'
    }

    It 'offers the ids in the Ids view' {
        $text = $Instances | Format-Table -View Ids | Show80
        $text | Should -Match '873e5ee9a181bbf7008e9576f741aaadin04\s+hr-sql2008r2-web\s+SQLServer'
    }

    It 'shows backups with name, type, status, end time in UTC and size' {
        $backups = @(
            [RdsRecovery.Model.RdsBackup]@{ Id = 'e091ccc70bec65bec05cba439f9c5f48br04'; Name = 'bi-sql2016-web-auto-20261127T2100'; Type = 'incremental'; Status = 'COMPLETED'; EndTime = $plus8; SizeKB = 2048 }
            [RdsRecovery.Model.RdsBackup]@{ Id = 'ac87e12c06be5da78b24eccf4a6e6858br04'; Name = 'nightly'; Type = 'auto'; Status = 'BUILDING'; SizeKB = 307200 }
        )
        $text = $backups | Show80
        $text | Should -Match 'Name\s+Type\s+Status\s+Ended \(UTC\)\s+SizeMB'
        # A long name is cut (its time repeats the end time); type, status, end and size never are.
        $text | Should -Match 'bi-sql2016-web-auto-20261127T\S*\s+incremental\s+COMPLETED\s+2026-11-28 00:30Z\s+2\b'
        $text | Should -Match 'nightly\s+auto\s+BUILDING\s+300\b'
        ($backups | Format-Table -View Ids | Show80) | Should -Match 'e091ccc70bec65bec05cba439f9c5f48br04\s+bi-sql2016-web-auto'
    }

    It 'shows restore windows with the instance name, UTC ends and a readable length' {
        $long = [RdsRecovery.Model.RdsRestoreWindow]::new('7b63b40ca1c07d188407e3c64ee772bdin01', $plus8, $plus8.AddHours(26))
        $long.InstanceName = 'erp-prod'
        $short = [RdsRecovery.Model.RdsRestoreWindow]::new('7b63b40ca1c07d188407e3c64ee772bdin01', $plus8, $plus8.AddMinutes(45))
        $text = $long, $short | Show80
        $text | Should -Match 'Instance\s+Start \(UTC\)\s+End \(UTC\)\s+Length'
        $text | Should -Match 'erp-prod\s+2026-11-28 00:30:00Z\s+2026-11-29 02:30:00Z\s+1d 2h 00m'
        # Without a name the id shows, cut to the column but still recognisable.
        $text | Should -Match '7b63b40ca1c07d188407\S*\s+2026-11-28 00:30:00Z\s+2026-11-28 01:15:00Z\s+45m 00s'
    }

    It 'shows SQL Server databases with the instance name, database name and state' {
        $db = [RdsRecovery.Model.RdsSqlServerDatabase]@{ InstanceId = 'e00e9cefac28bf952191d47d88218580in04'; InstanceName = 'bi-sql2016-web'; Name = 'reporting_archive_2026'; State = 'NotExists'; CharacterSet = 'SQL_Latin1_General_CP1_CI_AS' }
        $text = $db | Show80
        $text | Should -Match 'Instance\s+Name\s+State\s+CharacterSet'
        $text | Should -Match 'bi-sql2016-web\s+reporting_archive_2026\s+NotExists\s+SQL_Latin1_General'
    }

    It 'shows restorable databases with the instance name, table count, the UTC time asked about and the limits' {
        $dbs = @(
            [RdsRecovery.Model.RdsRestorableDatabase]@{ InstanceId = '7b63b40ca1c07d188407e3c64ee772bdin01'; InstanceName = 'erp-prod'; Engine = 'MySQL'; RestoreTime = $plus8; Name = 'erp_audit'; TotalTables = 312; DatabaseLimit = 2000; TableLimit = 20000 }
            [RdsRecovery.Model.RdsRestorableDatabase]@{ InstanceId = '013ff9960a8ebe5278ca25bdca242e9din03'; Engine = 'PostgreSQL'; RestoreTime = $plus8; Name = 'crm' }
        )
        $text = $dbs | Show80
        $text | Should -Match 'Instance\s+Database\s+Tables\s+As of \(UTC\)\s+Limit DB/Tbl'
        $text | Should -Match 'erp-prod\s+erp_audit\s+312\s+2026-11-28 00:30Z\s+2000/20000'
        # Without a name the id shows, cut but recognisable; unknown limits show as '?'.
        $text | Should -Match '013ff9960a8ebe527\S*\s+crm\s+2026-11-28 00:30Z\s+\?/\?'
    }

    It 'shows restorable PostgreSQL tables with database, schema, table and the UTC time asked about' {
        $table = [RdsRecovery.Model.RdsRestorableTable]@{ InstanceId = '013ff9960a8ebe5278ca25bdca242e9din03'; InstanceName = 'crm-pg12-prod'; RestoreTime = $plus8; Database = 'crm'; Schema = 'audit'; Name = 'events' }
        $text = $table | Show80
        $text | Should -Match 'Instance\s+Database\s+Schema\s+Table\s+As of \(UTC\)'
        $text | Should -Match 'crm-pg12-prod\s+crm\s+audit\s+events\s+2026-11-28 00:30Z'
        $text | Should -Not -Match '…'
    }

    It 'shows jobs with target name, status, progress, start in UTC, duration and target status' {
        $job = [RdsRecovery.Model.RdsRestoreJob]@{
            JobId = 'ff80808157127d9301571bf8160c001d'; TargetInstanceId = 't-1'; TargetInstanceName = 'dw-sql2017-ee-staging'
            Status = 'Running'; Progress = '45%'; Created = $plus8; Ended = $plus8.AddMinutes(4).AddSeconds(10); TargetStatus = 'RESTORING'
        }
        $text = $job | Show80
        $text | Should -Match 'Target\s+Status\s+Progress\s+Started \(UTC\)\s+Duration\s+TargetStatus'
        $text | Should -Match 'dw-sql2017-ee-stagi\S*\s+Running\s+45%\s+2026-11-28 00:30Z\s+00:04:10\s+RESTORING'
        ($job | Format-Table -View Ids | Show80) | Should -Match 'ff80808157127d9301571bf8160c001d\s+dw-sql2017-ee-staging\s+Running'
    }

    It 'shows a compatibility report as wrapped lines, failures first, at 80 columns and in any wider output' {
        $source = $Instances[0]
        $target = [RdsRecovery.Model.RdsInstance]@{ Id = '6e9ad817324d9b4d3645b85fca8e9096in04'; Name = 'hr-sql2008r2-ee'; Engine = 'SQLServer'; EngineVersion = '2008_R2_WEB'; Status = 'ACTIVE'; VolumeSizeGB = 50; Region = 'cn-north-4' }
        $source.Region = 'cn-north-4'
        $report = Test-RdsRestoreCompatibility -SourceInstance $source -TargetInstance $target -BackupId '5cd7d817e2c03ebe01e1afd83b618862br04'
        $report.IsCompatible | Should -BeFalse
        $text = $report | Show80
        $text | Should -Match 'NOT compatible'
        $text | Should -Match '(?m)^  FAILED\s+TargetVolumeLargeEnough: '
        # A runbook log (no console, any width) gets the same short lines: no fixed 160-column table.
        foreach ($line in ($report | Out-String -Width 300) -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows rule results as a wrapped table' {
        $rule = [RdsRecovery.Rules.RuleResult]::new('DatabaseMapOnlyForSqlServer', 'Failed', ('word ' * 40).Trim())
        $text = $rule | Show80
        $text | Should -Match 'DatabaseMapOnlyForSqlServer\s+Failed\s+word'
    }

    It 'shows a connection as a list: region, endpoint, project, authentication by name, never a secret' {
        $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint 'http://127.0.0.1:9' -ProjectId '0123456789abcdef0123456789abcdef' `
            -AccessKey 'AKEXAMPLE0123456789' -SecretKey (ConvertTo-SecureString 'not-shown-secret' -AsPlainText -Force) -SkipValidation -PassThru
        try {
            $text = $connection | Show80
            $text | Should -Match 'Region\s+: cn-north-4'
            $text | Should -Match 'Endpoint\s+: http://127\.0\.0\.1:9'
            $text | Should -Match 'ProjectId\s+: 0123456789abcdef0123456789abcdef'
            $text | Should -Match 'Authentication\s+: Access key \(AK/SK\)'
            $text | Should -Match 'ApiVersion\s+: v3'
            $text | Should -Not -Match 'not-shown-secret'
        }
        finally { Disconnect-RdsAccount }
    }

    It 'shows a connection''s API version in its default view' {
        $connection = [RdsRecovery.Api.RdsConnection]::new('eu-de', 'p1', [uri]'https://rds.eu-de.otc.t-systems.com',
            [RdsRecovery.Auth.RdsCredentials]::FromToken((ConvertTo-SecureString 'token-value' -AsPlainText -Force)), 'Parameter', 'V31')
        $text = $connection | Out-String -Width 80
        $text | Should -Match 'ApiVersion\s+: v3\.1'
        $text | Should -Match 'RuleProfile\s+: V31'
    }

    It 'heads a compatibility report with its rule profile and API version' {
        $request = [RdsRecovery.Model.RestoreRequest]::ForBackup('src1', 'tgt1', 'bk1')
        $facts = [RdsRecovery.Rules.RestoreFacts]@{ Profile = [RdsRecovery.Rules.RestoreRuleProfiles]::V31 }
        $text = [RdsRecovery.Rules.CompatibilityRules]::Evaluate($request, $facts) | Out-String -Width 200
        $text | Should -Match 'rule profile V31 \(API v3\.1\)'
    }

    It 'lets Format-List show every property' {
        $job = [RdsRecovery.Model.RdsRestoreJob]@{ JobId = 'j'; FailReason = 'disk full'; RequestId = 'req-1' }
        $text = $job | Format-List | Out-String -Width 200
        $text | Should -Match 'FailReason\s+: disk full'
        $text | Should -Match 'RequestId\s+: req-1'
    }
}
