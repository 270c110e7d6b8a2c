# Test-RdsRestoreCompatibility as a user drives it: objects from ConvertFrom-Json, pipelines of pairs, -Quiet, refusals.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force

    # One element of a list-instances response, as ConvertFrom-Json gives it.
    function New-ApiInstance {
        param([string] $Id, [string] $Engine = 'MySQL', [string] $Version = '5.7', [int] $Size = 100,
            [string] $Region = 'cn-north-4', [string] $Status = 'ACTIVE')
        @{ id = $Id; name = "name-$Id"; status = $Status; type = 'Single'; region = $Region
            datastore = @{ type = $Engine; version = $Version }; volume = @{ type = 'CLOUDSSD'; size = $Size }
        } | ConvertTo-Json -Depth 5 | ConvertFrom-Json
    }

    $script:pastUtc = '2025-06-01T00:00:00Z'
}

Describe 'Test-RdsRestoreCompatibility on pairs from ConvertFrom-Json' {
    BeforeAll {
        $json = @'
[
 {"source": {"id": "mysrc01", "name": "orders", "status": "ACTIVE", "region": "cn-north-4",
             "datastore": {"type": "MySQL", "version": "5.7"}, "volume": {"type": "CLOUDSSD", "size": 100}},
  "target": {"id": "mytgt01", "name": "orders-copy", "status": "ACTIVE", "region": "cn-north-4",
             "datastore": {"type": "mysql", "version": "5.7"}, "volume": {"type": "CLOUDSSD", "size": 200}},
  "backup_id": "bk01"},
 {"source": {"id": "sqlsrc04", "status": "ACTIVE", "datastore": {"type": "SQLServer", "version": "2014_SE"}, "volume": {"size": 100}},
  "target": {"id": "sqltgt04", "status": "ACTIVE", "datastore": {"type": "SQL Server", "version": "2012_EE"}, "volume": {"size": 100}},
  "restore_time": "2025-06-01T00:00:00Z", "database_name": {"db1": "dbtest1", "db2": ""}},
 {"source": {"id": "pgsrc01", "status": "ACTIVE", "datastore": {"type": "PostgreSQL", "version": "14"}, "volume": {"size": 100}},
  "target": {"id": "pgtgt01", "status": "ACTIVE", "datastore": {"type": "PostgreSQL", "version": "14"}, "volume": {"size": 100}},
  "restore_time": 1532001446987}
]
'@
        $script:pairs = $json | ConvertFrom-Json
        $script:results = @($pairs | Test-RdsRestoreCompatibility)
    }

    It 'returns one typed result per pair, in order' {
        $results.Count | Should -Be 3
        $results | ForEach-Object { $_ | Should -BeOfType ([RdsRecovery.Rules.CompatibilityReport]) }
        $results.Request.SourceInstanceId | Should -Be @('mysrc01', 'sqlsrc04', 'pgsrc01')
        $results.IsCompatible | Should -Be @($true, $false, $true)
    }

    It 'keeps the source, the target and the request on each result' {
        $results[0].Source.Engine | Should -Be 'MySQL'
        $results[0].Target.VolumeSizeGB | Should -Be 200
        $results[0].Request.BackupId | Should -Be 'bk01'
        $results[0].Request.Mode | Should -Be 'Backup'
        $results[1].Request.Mode | Should -Be 'PointInTime'
    }

    It 'does not carry a backup id over from one pair to the next' {
        $results[1].Request.BackupId | Should -BeNullOrEmpty
        $results[2].Request.RestoreTimeUnixMilliseconds | Should -Be 1532001446987
    }

    It 'lists every rule with an id, an outcome and a message' {
        foreach ($result in $results) {
            $result.Rules.Count | Should -Be ([RdsRecovery.Rules.RdsRuleIds]::All.Count)
            $result.Rules.RuleId | Should -Be ([RdsRecovery.Rules.RdsRuleIds]::All)
            $result.Rules | ForEach-Object { $_.Message | Should -Not -BeNullOrEmpty; $_.Outcome | Should -BeIn @('Passed', 'Failed', 'NotChecked') }
        }
    }

    It 'names the failed SQL Server rule with the allowed targets' {
        $failed = $results[1].Rules | Where-Object Outcome -eq 'Failed'
        $failed.RuleId | Should -Be 'SqlServerVersionAllowed'
        $failed.Message | Should -Be '2014_SE cannot be restored to 2012_EE; allowed targets: 2014_SE, 2014_EE.'
    }

    It 'reports facts it was not given as NotChecked, not as failures' {
        ($results[0].Rules | Where-Object RuleId -eq 'BackupCompleted').Outcome | Should -Be 'NotChecked'
        ($results[1].Rules | Where-Object RuleId -eq 'RestoreTimeInWindow').Outcome | Should -Be 'NotChecked'
        ($results[1].Rules | Where-Object RuleId -eq 'DatabaseNameNotInUse').Outcome | Should -Be 'NotChecked'
    }

    It 'answers only $true or $false with -Quiet, one per pair' {
        $quiet = @($pairs | Test-RdsRestoreCompatibility -Quiet)
        $quiet | Should -Be @($true, $false, $true)
        $quiet | ForEach-Object { $_ | Should -BeOfType ([bool]) }
    }
}

Describe 'Test-RdsRestoreCompatibility rules, one failing at a time' {
    It 'fails <Rule> for <Case>' -TestCases @(
        @{ Case = 'different engines'; Rule = 'SameEngine'; Source = @{ Engine = 'MySQL' }; Target = @{ Engine = 'PostgreSQL'; Version = '14' }; Extra = @{} }
        @{ Case = 'MySQL 5.7 to 8.0'; Rule = 'SameVersion'; Source = @{}; Target = @{ Version = '8.0' }; Extra = @{} }
        @{ Case = 'an unknown engine'; Rule = 'KnownEngine'; Source = @{ Engine = 'Oracle' }; Target = @{ Engine = 'Oracle' }; Extra = @{} }
        @{ Case = 'a smaller target'; Rule = 'TargetVolumeLargeEnough'; Source = @{ Size = 500 }; Target = @{ Size = 100 }; Extra = @{} }
        @{ Case = 'two regions'; Rule = 'SameRegion'; Source = @{}; Target = @{ Region = 'eu-west-0' }; Extra = @{} }
        @{ Case = 'a restoring target'; Rule = 'TargetNotBusy'; Source = @{}; Target = @{ Status = 'RESTORING' }; Extra = @{} }
        @{ Case = 'a map on MySQL'; Rule = 'DatabaseMapOnlyForSqlServer'; Source = @{}; Target = @{}; Extra = @{ DatabaseName = @{ db1 = 'x' } } }
        @{ Case = 'a reserved new name'; Rule = 'DatabaseNameAllowed'; Source = @{ Engine = 'SQLServer'; Version = '2016_SE' }; Target = @{ Engine = 'SQLServer'; Version = '2016_EE' }; Extra = @{ DatabaseName = @{ db1 = 'my_master' } } }
        @{ Case = 'a name kept by renaming'; Rule = 'DatabaseNameNotInUse'; Source = @{ Engine = 'SQLServer'; Version = '2016_SE' }; Target = @{ Engine = 'SQLServer'; Version = '2016_EE' }; Extra = @{ DatabaseName = @{ db1 = 'DB1' } } }
    ) {
        $src = New-ApiInstance -Id 'src1' @Source
        $tgt = New-ApiInstance -Id 'tgt1' @Target
        $report = Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -BackupId 'bk1' @Extra
        $report.IsCompatible | Should -BeFalse
        @($report.Rules | Where-Object Outcome -eq 'Failed').RuleId | Should -Be @($Rule)
    }

    It 'passes a SQL Server edition upgrade in the same year' {
        $report = Test-RdsRestoreCompatibility (New-ApiInstance -Id s -Engine sqlserver -Version '2014_SE') (New-ApiInstance -Id t -Engine 'SQL Server' -Version '2014_EE') -BackupId b
        $report.IsCompatible | Should -BeTrue
        ($report.Rules | Where-Object RuleId -eq 'SqlServerVersionAllowed').Message | Should -Be '2014_SE may be restored to 2014_EE.'
    }

    It 'accepts typed RdsInstance objects' {
        $s = [RdsRecovery.Model.RdsInstance]@{ Id = 'ts1'; Engine = 'MySQL'; EngineVersion = '8.0'; VolumeSizeGB = 50 }
        $t = [RdsRecovery.Model.RdsInstance]@{ Id = 'tt1'; Engine = 'MySQL'; EngineVersion = '8.0'; VolumeSizeGB = 50 }
        (Test-RdsRestoreCompatibility -SourceInstance $s -TargetInstance $t -BackupId b).IsCompatible | Should -BeTrue
    }

    It 'checks a restore into the same instance' {
        $one = New-ApiInstance -Id 'same01'
        $report = Test-RdsRestoreCompatibility -SourceInstance $one -TargetInstance $one -RestoreTime $pastUtc
        $report.Request.IsRestoreToSource | Should -BeTrue
        $report.IsCompatible | Should -BeTrue
    }
}

Describe 'Test-RdsRestoreCompatibility refusals' {
    BeforeAll {
        $script:src = New-ApiInstance -Id 'src1'
        $script:tgt = New-ApiInstance -Id 'tgt1'
    }

    It 'refuses <Case> with <Id>' -TestCases @(
        @{ Case = 'a string as instance'; Id = 'InvalidInstanceObject'; Category = 'InvalidArgument'; Params = @{ SourceInstance = 'src1'; BackupId = 'b' }; Target = 'src1' }
        @{ Case = 'both backup and time'; Id = 'BackupAndRestoreTimeBothGiven'; Category = 'InvalidArgument'; Params = @{ BackupId = 'b'; RestoreTime = '2025-01-01T00:00:00Z' }; Target = $null }
        @{ Case = 'neither backup nor time'; Id = 'BackupOrRestoreTimeRequired'; Category = 'InvalidArgument'; Params = @{}; Target = $null }
        @{ Case = 'a malformed backup id'; Id = 'InvalidBackupId'; Category = 'InvalidArgument'; Params = @{ BackupId = 'bk/../x' }; Target = 'bk/../x' }
        @{ Case = 'a time without zone'; Id = 'RestoreTimeNotUtc'; Category = 'InvalidArgument'; Params = @{ RestoreTime = '2025-01-01 10:00' }; Target = '2025-01-01 10:00' }
        @{ Case = 'a time in the future'; Id = 'RestoreTimeInFuture'; Category = 'InvalidArgument'; Params = @{ RestoreTime = '2999-01-01T00:00:00Z' }; Target = $null }
        @{ Case = 'a time before 1970'; Id = 'RestoreTimeBeforeEpoch'; Category = 'InvalidArgument'; Params = @{ RestoreTime = '1969-12-31T23:00:00Z' }; Target = $null }
        @{ Case = 'an empty map'; Id = 'InvalidDatabaseMap'; Category = 'InvalidArgument'; Params = @{ BackupId = 'b'; DatabaseName = @{} }; Target = $null }
    ) {
        $splat = @{ SourceInstance = $src; TargetInstance = $tgt }
        foreach ($key in $Params.Keys) { $splat[$key] = $Params[$key] }
        $out = Test-RdsRestoreCompatibility @splat -ErrorAction SilentlyContinue -ErrorVariable err
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err[0].CategoryInfo.Category | Should -Be $Category
        if ($null -ne $Target) { $err[0].TargetObject | Should -Be $Target }
    }

    It 'refuses an instance object without an engine, naming the object' {
        $noEngine = [pscustomobject]@{ id = 'x1' }
        Test-RdsRestoreCompatibility -SourceInstance $noEngine -TargetInstance $tgt -BackupId b -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceObject,*'
        $err[0].TargetObject.id | Should -Be 'x1'
        $err[0].Exception.Message | Should -Match 'no engine'
    }

    It 'refuses an instance whose id is not an identifier, with the id as target' {
        $bad = New-ApiInstance -Id 'a/b'
        Test-RdsRestoreCompatibility -SourceInstance $bad -TargetInstance $tgt -BackupId b -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceId,*'
        $err[0].TargetObject | Should -Be 'a/b'
        $err[0].CategoryInfo.TargetName | Should -Be 'SourceInstance'
    }

    It 'refuses a map with a null new name, with the map as target' {
        $map = @{ db1 = $null }
        Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -BackupId b -DatabaseName $map -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidDatabaseMap,*'
        $err[0].TargetObject | Should -Be $map
    }

    It 'refuses a DateTime of unspecified kind' {
        $unspecified = [datetime]::new(2025, 1, 1, 10, 0, 0)
        Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -RestoreTime $unspecified -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'RestoreTimeNotUtc,*'
        $err[0].TargetObject | Should -Be $unspecified
    }

    It 'goes on with the next pair after a refused one' {
        $stream = @(
            [pscustomobject]@{ SourceInstance = $src; TargetInstance = $tgt; BackupId = 'b1' }
            [pscustomobject]@{ SourceInstance = 'not-an-object'; TargetInstance = $tgt; BackupId = 'b2' }
            [pscustomobject]@{ SourceInstance = $src; TargetInstance = $tgt; BackupId = 'b3' }
        )
        $out = @($stream | Test-RdsRestoreCompatibility -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Request.BackupId | Should -Be @('b1', 'b3')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceObject,*'
    }

    It 'answers $false for a refused input under -Quiet, and still writes the error' {
        $out = Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -Quiet -ErrorAction SilentlyContinue -ErrorVariable err
        $out | Should -BeExactly $false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BackupOrRestoreTimeRequired,*'
    }
}

Describe 'Test-RdsRestoreCompatibility point-in-time input (this suite runs under TZ=Asia/Shanghai)' {
    BeforeAll {
        $script:src = New-ApiInstance -Id 'src1'
        $script:tgt = New-ApiInstance -Id 'tgt1'
    }

    It 'reads <Text> as 2025-06-01T00:00:00Z' -TestCases @(
        @{ Text = '2025-06-01T00:00:00Z' }
        @{ Text = '2025-06-01T08:00:00+08:00' }
        @{ Text = '2025-05-31T20:00:00-04:00' }
        @{ Text = '2025-06-01 00:00:00 UTC' }
    ) {
        $report = Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -RestoreTime $Text
        $report.Request.RestoreTimeUnixMilliseconds | Should -Be 1748736000000
    }

    It 'converts a Local DateTime from the machine zone explicitly' {
        $local = [datetime]::new(2025, 6, 1, 8, 0, 0, [DateTimeKind]::Local)
        $report = Test-RdsRestoreCompatibility -SourceInstance $src -TargetInstance $tgt -RestoreTime $local
        $report.Request.RestoreTime.UtcDateTime | Should -Be $local.ToUniversalTime()
    }

    It 'takes a DateTimeOffset and Get-Date -AsUTC as they are' {
        $dto = [DateTimeOffset]::new(2025, 6, 1, 8, 0, 0, [TimeSpan]::FromHours(8))
        (Test-RdsRestoreCompatibility $src $tgt -RestoreTime $dto).Request.RestoreTimeUnixMilliseconds | Should -Be 1748736000000
        $utc = Get-Date -AsUTC
        (Test-RdsRestoreCompatibility $src $tgt -RestoreTime $utc.AddMinutes(-1)).Request.Mode | Should -Be 'PointInTime'
    }
}
