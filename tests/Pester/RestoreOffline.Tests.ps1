# Restore-RdsInstance offline: request building, input refusals, -WhatIf with the exact body, confirmation, NotConnected.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force

    # WhatIf and confirmation text goes to the host, not to a stream: run the lines in a fresh pwsh and read what it prints.
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
}

Describe 'Restore-RdsInstance -WhatIf shows the exact body and sends nothing' {
    BeforeAll {
        $script:printed = Invoke-ChildPwsh @'
Write-Output '--backup--'
Restore-RdsInstance -SourceInstanceId src1 -TargetInstanceId tgt1 -BackupId bk1 -WhatIf
Write-Output '--time--'
Restore-RdsInstance -SourceInstanceId src1 -TargetInstanceId tgt1 -RestoreTime '2018-07-19T19:57:26.987+08:00' -WhatIf
Write-Output '--same--'
Restore-RdsInstance -SourceInstanceId same1 -TargetInstanceId same1 -BackupId bk1 -WhatIf
Write-Output '--map--'
Restore-RdsInstance -SourceInstanceId sq04 -TargetInstanceId sq05 -BackupId bk04 -DatabaseName ([ordered]@{ db1 = 'dbtest1'; db2 = '' }) -WhatIf
Write-Output '--backups--'
'{"backups":[{"id":"bkA","instance_id":"srcA","status":"COMPLETED"},{"id":"bkB","instance_id":"srcB","status":"COMPLETED"}],"total_count":2}' |
    ConvertFrom-Json | Select-Object -ExpandProperty backups | Restore-RdsInstance -TargetInstanceId tgtZ -WhatIf
Write-Output '--force-whatif--'
Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Force -WhatIf
Write-Output '--preference--'
$WhatIfPreference = $true
Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId pref1
$WhatIfPreference = $false
Write-Output '--csv--'
'source_instance_id,target_instance_id,backup_id,restore_time', 'csvS1,csvT1,csvB1,', 'csvS2,csvT2,,2025-06-01T08:00:00+08:00', 'csvS3,,csvB3,' |
    ConvertFrom-Csv | Restore-RdsInstance -WhatIf -ErrorAction SilentlyContinue -ErrorVariable csvErr
Write-Output ('csv errors: ' + (($csvErr | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) -join ' '))
Write-Output '--end--'
'@
        function Get-Section([string] $Name) {
            $m = [regex]::Match($printed, "(?s)--$Name--\n(.*?)\n--")
            if (-not $m.Success) { throw "Section $Name not found in:`n$printed" }
            $m.Groups[1].Value
        }
    }

    It 'prints the backup body byte for byte' {
        Get-Section 'backup' | Should -BeLike '*What if: *{"source":{"instance_id":"src1","type":"backup","backup_id":"bk1"},"target":{"instance_id":"tgt1"}}*'
    }

    It 'names source, target and backup in the description' {
        Get-Section 'backup' | Should -BeLike '*backup bk1 of instance src1 into instance tgt1*'
    }

    It 'prints restore_time as UTC milliseconds and the time in UTC' {
        $text = Get-Section 'time'
        $text | Should -BeLike '*"restore_time":1532001446987*'
        $text | Should -BeLike '*2018-07-19T11:57:26.987Z (UTC)*'
    }

    It 'says plainly when the target is the source' {
        Get-Section 'same' | Should -BeLike '*into the SAME instance same1*'
    }

    It 'prints the database map in the order given' {
        Get-Section 'map' | Should -BeLike '*"database_name":{"db1":"dbtest1","db2":""}},"target":{"instance_id":"sq05"}}*'
    }

    It 'binds backup objects from a list-backups response as backup and source' {
        $text = Get-Section 'backups'
        $text | Should -BeLike '*{"source":{"instance_id":"srcA","type":"backup","backup_id":"bkA"},"target":{"instance_id":"tgtZ"}}*'
        $text | Should -BeLike '*{"source":{"instance_id":"srcB","type":"backup","backup_id":"bkB"},"target":{"instance_id":"tgtZ"}}*'
    }

    It 'lets -WhatIf win over -Force' {
        $text = Get-Section 'force-whatif'
        $text | Should -BeLike '*What if:*'
        $text | Should -Not -BeLike '*NotConnected*'
    }

    It 'honours $WhatIfPreference' {
        $text = Get-Section 'preference'
        $text | Should -BeLike '*What if:*pref1*'
        $text | Should -Not -BeLike '*NotConnected*'
    }

    It 'reads blank CSV cells as not given, except the target, which is refused' {
        $text = Get-Section 'csv'
        $text | Should -BeLike '*{"source":{"instance_id":"csvS1","type":"backup","backup_id":"csvB1"},"target":{"instance_id":"csvT1"}}*'
        $text | Should -BeLike '*{"source":{"instance_id":"csvS2","type":"timestamp","restore_time":1748736000000},"target":{"instance_id":"csvT2"}}*'
        $text | Should -Not -BeLike '*csvB3*'
        $text | Should -Match 'csv errors: \S*EmptyString'
    }

    It 'never reaches the submit step under -WhatIf' {
        $printed | Should -Not -BeLike '*NotConnected*'
        $printed | Should -Not -BeLike '*Connect-RdsAccount*'
    }
}

Describe 'Restore-RdsInstance confirmation and the submit step' {
    BeforeAll {
        $secret = ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force
        $unreachable = Connect-RdsAccount -Endpoint http://127.0.0.1:9 -ProjectId 0123456789abcdef0123456789abcdef -AccessKey AK -SecretKey $secret -SkipValidation -PassThru
        Disconnect-RdsAccount
        $serviceIds = @{ Source = '7b63b40ca1c07d188407e3c64ee772bdin01'; Target = '4914c00a2e0baf9b9ca17102de91cf21in01' }
    }

    It 'stops with NotConnected once <Case> lets it through' -TestCases @(
        @{ Case = '-Confirm:$false'; Script = { Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Confirm:$false } }
        @{ Case = '-Force'; Script = { Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -Force } }
        @{ Case = '$ConfirmPreference None'; Script = { $ConfirmPreference = 'None'; Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b } }
        @{ Case = '-SkipCompatibilityCheck -Force'; Script = { Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -BackupId b -SkipCompatibilityCheck -Force } }
    ) {
        $caught = $null
        try { & $Script } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $caught.Exception.Message | Should -Match 'Connect-RdsAccount'
        $caught.TargetObject.TargetInstanceId | Should -Be 't'
    }

    # A connection is needed before any prompt (NotConnected above). This one points at a loopback port where
    # nothing listens, and -SkipCompatibilityCheck needs no reads, so the confirmation step is reached and nothing
    # can have been sent.
    It 'refuses to go on when it must ask but cannot (NonInteractive), and sends nothing' {
        $caught = $null
        # Ids in the service's form: a shorter value could be a name, and resolving it would need the instance list.
        try { Restore-RdsInstance -SourceInstanceId $serviceIds.Source -TargetInstanceId $serviceIds.Target -BackupId b -SkipCompatibilityCheck -Connection $unreachable } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ConfirmationUnavailable,*'
        $caught.Exception.Message | Should -Match '-Confirm:\$false'
    }

    It 'asks again under -Force when -Confirm is given explicitly' {
        $caught = $null
        try { Restore-RdsInstance -SourceInstanceId $serviceIds.Source -TargetInstanceId $serviceIds.Target -BackupId b -SkipCompatibilityCheck -Force -Confirm -Connection $unreachable } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ConfirmationUnavailable,*'
    }
}

Describe 'Restore-RdsInstance input refusals' {
    It 'refuses the source id <Value>' -TestCases @(
        @{ Value = 'a/b' }, @{ Value = 'a.b' }, @{ Value = 'a%2Fb' }, @{ Value = ' ' }, @{ Value = 'é1' }, @{ Value = ('x' * 65) }, @{ Value = "a`tb" }
    ) {
        Restore-RdsInstance -SourceInstanceId $Value -TargetInstanceId t -BackupId b -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceId,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -BeExactly $Value
    }

    It 'accepts opaque ids such as bk04 and my-job' {
        $printed = Invoke-ChildPwsh 'Restore-RdsInstance -SourceInstanceId my-job -TargetInstanceId my_target-2 -BackupId bk04 -WhatIf'
        $printed | Should -BeLike '*{"source":{"instance_id":"my-job","type":"backup","backup_id":"bk04"},"target":{"instance_id":"my_target-2"}}*'
    }

    It 'refuses an empty or blank target rather than defaulting it' {
        # PowerShell itself refuses '' for a mandatory string; a blank one reaches our validation.
        $caught = $null
        try { Restore-RdsInstance -SourceInstanceId s -TargetInstanceId '' -BackupId b -WhatIf } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationErrorEmptyStringNotAllowed*'
        Restore-RdsInstance -SourceInstanceId s -TargetInstanceId ' ' -BackupId b -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceId,*'
        $err[0].Exception.Message | Should -Match 'never defaulted'
    }

    It 'never defaults the target when an input row lacks it' {
        [pscustomobject]@{ id = 'bk1'; instance_id = 'src1' } | Restore-RdsInstance -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectMissingMandatory*'
    }

    It 'refuses <Case> with <Id>' -TestCases @(
        @{ Case = 'a malformed backup id'; Id = 'InvalidBackupId'; Params = @{ BackupId = 'bk 1' }; Target = 'bk 1' }
        @{ Case = 'both backup and time'; Id = 'BackupAndRestoreTimeBothGiven'; Params = @{ BackupId = 'b'; RestoreTime = '2025-01-01T00:00:00Z' }; Target = $null }
        @{ Case = 'neither backup nor time'; Id = 'BackupOrRestoreTimeRequired'; Params = @{}; Target = $null }
        @{ Case = 'a string time without zone'; Id = 'RestoreTimeNotUtc'; Params = @{ RestoreTime = '2025-01-01T10:00:00' }; Target = '2025-01-01T10:00:00' }
        @{ Case = 'a date only'; Id = 'RestoreTimeNotUtc'; Params = @{ RestoreTime = '2025-01-01' }; Target = '2025-01-01' }
        @{ Case = 'a time in the future'; Id = 'RestoreTimeInFuture'; Params = @{ RestoreTime = [DateTimeOffset]::UtcNow.AddDays(1) }; Target = $null }
        @{ Case = 'a fractional number as time'; Id = 'InvalidRestoreTime'; Params = @{ RestoreTime = 1.5 }; Target = 1.5 }
        @{ Case = 'a time before 1970'; Id = 'RestoreTimeBeforeEpoch'; Params = @{ RestoreTime = '1960-01-01T00:00:00Z' }; Target = $null }
        @{ Case = 'a blank old database name'; Id = 'InvalidDatabaseMap'; Params = @{ BackupId = 'b'; DatabaseName = @{ ' ' = 'x' } }; Target = $null }
        @{ Case = 'a non-string new name'; Id = 'InvalidDatabaseMap'; Params = @{ BackupId = 'b'; DatabaseName = @{ db1 = 7 } }; Target = $null }
    ) {
        Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t @Params -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        if ($null -ne $Target) { $err[0].TargetObject | Should -Be $Target }
    }

    It 'refuses a DateTime of unspecified kind, and names it as target' {
        $unspecified = [datetime]::ParseExact('2025-01-01 10:00', 'yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)
        $unspecified.Kind | Should -Be 'Unspecified'
        Restore-RdsInstance -SourceInstanceId s -TargetInstanceId t -RestoreTime $unspecified -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'RestoreTimeNotUtc,*'
        $err[0].TargetObject | Should -Be $unspecified
    }

    It 'still validates input under -SkipCompatibilityCheck' {
        Restore-RdsInstance -SourceInstanceId 'bad/id' -TargetInstanceId t -BackupId b -SkipCompatibilityCheck -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInstanceId,*'
    }

    It 'goes on after a refused input in a stream, one error per bad row' {
        $rows = @(
            [pscustomobject]@{ source_instance_id = 's1'; target_instance_id = 't1'; backup_id = 'b/1' }
            [pscustomobject]@{ source_instance_id = 's2'; target_instance_id = 't2'; restore_time = '2025-01-01 10:00' }
            [pscustomobject]@{ source_instance_id = 's3'; target_instance_id = 't3'; backup_id = 'b3' }
        )
        $rows | Restore-RdsInstance -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        ($err | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) | Should -Be @('InvalidBackupId', 'RestoreTimeNotUtc')
    }
}

Describe 'Restore-RdsInstance parameters' {
    BeforeAll { $script:command = Get-Command Restore-RdsInstance }

    It 'is a high-impact command that supports -WhatIf and -Confirm' {
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'binds <Parameter> from the pipeline by the API names <Aliases>' -TestCases @(
        @{ Parameter = 'SourceInstanceId'; Aliases = @('source_instance_id', 'InstanceId', 'instance_id', 'Id') }
        @{ Parameter = 'TargetInstanceId'; Aliases = @('target_instance_id') }
        @{ Parameter = 'BackupId'; Aliases = @('backup_id') }
        @{ Parameter = 'RestoreTime'; Aliases = @('restore_time') }
        @{ Parameter = 'DatabaseName'; Aliases = @('database_name') }
    ) {
        $p = $command.Parameters[$Parameter]
        foreach ($alias in $Aliases) { $p.Aliases | Should -Contain $alias }
        $p.ParameterSets.Values[0].ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'makes both instance ids mandatory' {
        $command.Parameters['SourceInstanceId'].Attributes.Where({ $_ -is [Parameter] })[0].Mandatory | Should -BeTrue
        $command.Parameters['TargetInstanceId'].Attributes.Where({ $_ -is [Parameter] })[0].Mandatory | Should -BeTrue
    }

    It 'declares its output types' {
        $command.OutputType.Type | Should -Contain ([RdsRecovery.Model.RdsRestoreJob])
        (Get-Command Test-RdsRestoreCompatibility).OutputType.Type | Should -Contain ([RdsRecovery.Rules.CompatibilityReport])
        (Get-Command Test-RdsRestoreCompatibility).OutputType.Type | Should -Contain ([bool])
    }
}
