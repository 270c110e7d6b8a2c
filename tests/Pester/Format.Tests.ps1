# Default views: a tidy table per output type, times in UTC with the zone stated.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    # Eight hours east of UTC, so a view that printed local time would show 08:30, not 00:30.
    $plus8 = [DateTimeOffset]::new(2026, 11, 28, 8, 30, 0, [TimeSpan]::FromHours(8))
}

Describe 'Format views' {
    It 'shows instances as a table with id, name, engine, version, status and size' {
        $instance = [RdsRecovery.Model.RdsInstance]@{ Id = 'i-1'; Name = 'erp-prod'; Engine = 'SQLServer'; EngineVersion = '2014_SE'; Status = 'ACTIVE'; VolumeSizeGB = 100 }
        $text = $instance | Format-Table | Out-String -Width 200
        $text | Should -Match 'Id\s+Name\s+Engine\s+Version\s+Status\s+SizeGB'
        $text | Should -Match 'i-1\s+erp-prod\s+SQLServer\s+2014_SE\s+ACTIVE\s+100'
    }

    It 'shows backup end times in UTC and says so' {
        $backup = [RdsRecovery.Model.RdsBackup]@{ Id = 'b-1'; Name = 'nightly'; Type = 'auto'; Status = 'COMPLETED'; EndTime = $plus8; SizeKB = 2048 }
        $text = $backup | Format-Table | Out-String -Width 200
        $text | Should -Match 'Ended \(UTC\)'
        $text | Should -Match '2026-11-28 00:30:00Z'
        $text | Should -Match '\b2\b'
    }

    It 'shows restore windows in UTC with their length' {
        $window = [RdsRecovery.Model.RdsRestoreWindow]::new('i-1', $plus8, $plus8.AddHours(26))
        $text = $window | Format-Table | Out-String -Width 200
        $text | Should -Match 'Start \(UTC\)\s+End \(UTC\)'
        $text | Should -Match '2026-11-28 00:30:00Z\s+2026-11-29 02:30:00Z\s+1\.02:00:00'
    }

    It 'shows jobs with target, status, progress, start in UTC and duration' {
        $job = [RdsRecovery.Model.RdsRestoreJob]@{
            JobId = 'ff80808157127d9301571bf8160c001d'; TargetInstanceId = 't-1'; TargetInstanceName = 'erp-staging'
            Status = 'Completed'; Created = $plus8; Ended = $plus8.AddMinutes(4).AddSeconds(10); TargetStatus = 'ACTIVE'
        }
        $text = $job | Format-Table | Out-String -Width 200
        $text | Should -Match 'JobId\s+Target\s+Status\s+Progress\s+Started \(UTC\)\s+Duration'
        $text | Should -Match 'ff80808157127d9301571bf8160c001d\s+erp-staging\s+Completed\s+2026-11-28 00:30:00Z\s+00:04:10\s+ACTIVE'
    }

    It 'shows a connection''s API version in its table' {
        $connection = [RdsRecovery.Api.RdsConnection]::new('eu-de', 'p1', [uri]'https://rds.eu-de.otc.t-systems.com',
            [RdsRecovery.Auth.RdsCredentials]::FromToken((ConvertTo-SecureString 'token-value' -AsPlainText -Force)), 'Parameter', 'V31')
        $text = $connection | Format-Table | Out-String -Width 200
        $text | Should -Match 'Api\s*$|Api\s'
        $text | Should -Match 'v3\.1'
    }

    It 'heads a compatibility report with its rule profile and API version' {
        $request = [RdsRecovery.Model.RestoreRequest]::ForBackup('src1', 'tgt1', 'bk1')
        $facts = [RdsRecovery.Rules.RestoreFacts]@{ Profile = [RdsRecovery.Rules.RestoreRuleProfiles]::V31 }
        $text = [RdsRecovery.Rules.CompatibilityRules]::Evaluate($request, $facts) | Out-String -Width 200
        $text | Should -Match 'rule profile V31, API v3\.1'
    }

    It 'lets Format-List show every property' {
        $job = [RdsRecovery.Model.RdsRestoreJob]@{ JobId = 'j'; FailReason = 'disk full'; RequestId = 'req-1' }
        $text = $job | Format-List | Out-String -Width 200
        $text | Should -Match 'FailReason\s+: disk full'
        $text | Should -Match 'RequestId\s+: req-1'
    }
}
