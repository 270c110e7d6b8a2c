# Hostile input corpus (issue 6, item 3): ids, database names, times, maps and piped objects built to break
# things, and a service that answers with spoiled JSON. Every case ends in its own specific error id, nothing
# crashes, and the emulator's request log shows that no restore was sent. The hostile-answer cases the emulator
# cannot make (HTML, huge bodies, wrong content types) are in tests/RdsRecovery.Core.Tests/Reliability.
BeforeDiscovery {
    $long = 'a' * 65
    $n = { param($count) 'd' * $count }
    # Restore-RdsInstance parameters on top of a valid MySQL restore (erp-prod's latest backup into erp-staging);
    # '{sql...}' tokens are filled in once the emulator runs. Expect: error id, optionally ':' and the rule in the message.
    $script:parameterCases = @(
        # --- instance ids
        @{ Name = 'source id with a space'; P = @{ SourceInstanceId = 'erp prod' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id with a space'; P = @{ TargetInstanceId = 'erp staging' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id with a slash'; P = @{ SourceInstanceId = 'abc/def' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id with a backslash'; P = @{ TargetInstanceId = 'abc\def' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id path traversal'; P = @{ SourceInstanceId = '../../etc/passwd' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id path traversal'; P = @{ TargetInstanceId = '..%2f..%2finstances' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id dot-dot only'; P = @{ TargetInstanceId = '..' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id query injection'; P = @{ SourceInstanceId = 'x?id=7b63b40ca1c07d188407e3c64ee772bdin01' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id ampersand injection'; P = @{ TargetInstanceId = 'x&offset=-1' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id fragment'; P = @{ TargetInstanceId = 'abc#def' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id accented unicode'; P = @{ SourceInstanceId = 'ínstance01' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id cyrillic look-alike'; P = @{ SourceInstanceId = '7b63b40ca1c07d188407e3c64ee772bdіn01' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id emoji'; P = @{ TargetInstanceId = "db$([char]::ConvertFromUtf32(0x1F4A3))" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id fullwidth digits'; P = @{ TargetInstanceId = 'ｉｎ０１' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id zero-width space'; P = @{ TargetInstanceId = "4914c00a2e0baf9b9ca17102de91cf21$([char]0x200B)in01" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id right-to-left override'; P = @{ SourceInstanceId = "abc$([char]0x202E)def" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id NUL character'; P = @{ SourceInstanceId = "abc$([char]0)def" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id tab'; P = @{ SourceInstanceId = "abc`tdef" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id newline (log injection)'; P = @{ TargetInstanceId = "abc`nVERBOSE: fake line" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id carriage return'; P = @{ TargetInstanceId = "abc`rdef" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id escape sequence'; P = @{ TargetInstanceId = "abc$([char]27)[31mred" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id blank'; P = @{ SourceInstanceId = '   ' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id 65 characters'; P = @{ TargetInstanceId = $long }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id 10000 characters'; P = @{ SourceInstanceId = 'a' * 10000 }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id quote'; P = @{ SourceInstanceId = "abc'def" }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id double quote JSON injection'; P = @{ TargetInstanceId = 'x"},"target":{"instance_id":"y' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id HTML'; P = @{ TargetInstanceId = '<script>alert(1)</script>' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'target id percent-encoded'; P = @{ TargetInstanceId = '%41%42' }; Expect = 'InvalidInstanceId' }
        @{ Name = 'source id 64 characters, well formed but unknown'; P = @{ SourceInstanceId = 'b' * 64 }; Expect = 'InstanceNotFound' }
        @{ Name = 'target id well formed but unknown'; P = @{ TargetInstanceId = 'ffffffffffffffffffffffffffffffffin01' }; Expect = 'InstanceNotFound' }
        @{ Name = 'target id of another case'; P = @{ TargetInstanceId = '4914C00A2E0BAF9B9CA17102DE91CF21IN01' }; Expect = 'InstanceNotFound' }
        # --- backup ids
        @{ Name = 'backup id with a space'; P = @{ BackupId = 'bk 01' }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id traversal'; P = @{ BackupId = '../backups' }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id unicode'; P = @{ BackupId = 'bäckup' }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id control character'; P = @{ BackupId = "bk$([char]7)01" }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id 65 characters'; P = @{ BackupId = $long }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id query injection'; P = @{ BackupId = 'x&instance_id=y' }; Expect = 'InvalidBackupId' }
        @{ Name = 'backup id well formed but unknown'; P = @{ BackupId = 'ffffffffffffffffffffffffffffffffbr01' }; Expect = 'BackupNotFound' }
        @{ Name = 'backup id of another instance'; P = @{ BackupId = '3a1074fbefe27d193d83a79c72c506c4br01' }; Expect = 'BackupNotFound' }
        @{ Name = 'backup that FAILED'; P = @{ BackupId = 'c0504a8393e6c84d41458f6845a4580ebr01' }; Expect = 'RestoreIncompatible:BackupCompleted' }
        @{ Name = 'backup still BUILDING'; P = @{ BackupId = 'a214586f347b303975ece2b4dac2f872br01' }; Expect = 'RestoreIncompatible:BackupCompleted' }
        @{ Name = 'backup id with a point in time'; P = @{ RestoreTime = [DateTimeOffset]::UtcNow.AddHours(-30) }; Expect = 'BackupAndRestoreTimeBothGiven' }
        @{ Name = 'neither backup nor time (blank backup id)'; P = @{ BackupId = '' }; Expect = 'BackupOrRestoreTimeRequired' }
        # --- times (no backup id)
        @{ Name = 'time before 1970'; P = @{ BackupId = $null; RestoreTime = '1969-12-31T23:59:59Z' }; Expect = 'RestoreTimeBeforeEpoch' }
        @{ Name = 'time year 1'; P = @{ BackupId = $null; RestoreTime = [DateTimeOffset]::MinValue }; Expect = 'RestoreTimeBeforeEpoch' }
        @{ Name = 'time negative Unix milliseconds'; P = @{ BackupId = $null; RestoreTime = -1 }; Expect = 'RestoreTimeBeforeEpoch' }
        @{ Name = 'time far future'; P = @{ BackupId = $null; RestoreTime = '9999-12-31T23:59:59Z' }; Expect = 'RestoreTimeInFuture' }
        @{ Name = 'time DateTimeOffset max'; P = @{ BackupId = $null; RestoreTime = [DateTimeOffset]::MaxValue }; Expect = 'RestoreTimeInFuture' }
        @{ Name = 'time one hour ahead'; P = @{ BackupId = $null; RestoreTime = [DateTimeOffset]::UtcNow.AddHours(1) }; Expect = 'RestoreTimeInFuture' }
        @{ Name = 'time huge Unix milliseconds'; P = @{ BackupId = $null; RestoreTime = [long]::MaxValue }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time string without a zone'; P = @{ BackupId = $null; RestoreTime = '2026-01-01T00:00:00' }; Expect = 'RestoreTimeNotUtc' }
        @{ Name = 'time DateTime of unspecified kind'; P = @{ BackupId = $null; RestoreTime = [datetime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Unspecified) }; Expect = 'RestoreTimeNotUtc' }
        @{ Name = 'time words (no time at all)'; P = @{ BackupId = $null; RestoreTime = 'yesterday at noon' }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time SQL injection'; P = @{ BackupId = $null; RestoreTime = "2026-01-01'; DROP TABLE jobs;--" }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time 13th month'; P = @{ BackupId = $null; RestoreTime = '2026-13-01T00:00:00Z' }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time 30 February'; P = @{ BackupId = $null; RestoreTime = '2026-02-30T00:00:00+08:00' }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time offset beyond 14 hours'; P = @{ BackupId = $null; RestoreTime = '2026-01-01T00:00:00+15:00' }; Expect = 'InvalidRestoreTime' }
        @{ Name = 'time empty string (blank means not given)'; P = @{ BackupId = $null; RestoreTime = '' }; Expect = 'BackupOrRestoreTimeRequired' }
        @{ Name = 'time local, thirty days ago (before every window)'; P = @{ BackupId = $null; RestoreTime = [datetime]::Now.AddDays(-30) }; Expect = 'RestoreIncompatible:RestoreTimeInWindow' }
        @{ Name = 'time UTC, thirty days ago (before every window)'; P = @{ BackupId = $null; RestoreTime = [datetime]::UtcNow.AddDays(-30) }; Expect = 'RestoreIncompatible:RestoreTimeInWindow' }
        @{ Name = 'time +08:00 string before every window'; P = @{ BackupId = $null; RestoreTime = '2020-01-01T08:00:00+08:00' }; Expect = 'RestoreIncompatible:RestoreTimeInWindow' }
        # Computed when the case runs, not at discovery: in a long suite 'thirty seconds ago' at discovery is restorable by then.
        @{ Name = 'time in the last five minutes (not yet restorable)'; P = @{ BackupId = $null; RestoreTime = { [DateTimeOffset]::UtcNow.AddSeconds(-30) } }; Expect = 'RestoreIncompatible:RestoreTimeInWindow' }
        # --- wrong engine, wrong pair
        @{ Name = 'database map on a MySQL source'; P = @{ DatabaseName = @{ erp = 'erp_copy' } }; Expect = 'RestoreIncompatible:DatabaseMapOnlyForSqlServer' }
        @{ Name = 'MySQL into PostgreSQL'; P = @{ TargetInstanceId = '88529173bb7bcb32e9e7e16d370eba77in03' }; Expect = 'RestoreIncompatible:SameEngine' }
        @{ Name = 'MySQL 5.7 into 8.0'; P = @{ TargetInstanceId = 'bec12365e04cc3fe6e78ef3fb2707341in01' }; Expect = 'RestoreIncompatible:SameVersion' }
        @{ Name = 'into a smaller volume'; P = @{ TargetInstanceId = '1feff22d5885189a227359fa872d97edin01' }; Expect = 'RestoreIncompatible:TargetVolumeLargeEnough' }
        # --- database maps (SQL Server: hr-sql2008r2-web into hr-sql2008r2-ee)
        @{ Name = 'map empty'; OnSql = $true; P = @{ DatabaseName = @{} }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map blank old name'; OnSql = $true; P = @{ DatabaseName = @{ ' ' = 'x' } }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map null new name'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = $null } }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map old name twice in two cases'; OnSql = $true; P = @{ DatabaseName = $(& { $d = [Collections.Specialized.OrderedDictionary]::new([StringComparer]::Ordinal); $d['hr_core'] = 'a1'; $d['HR_CORE'] = 'a2'; $d }) }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map number as new name'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 42 } }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map nested map as new name'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = @{ x = 'y' } } }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map number as old name'; OnSql = $true; P = @{ DatabaseName = @{ 7 = 'x' } }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map as malformed JSON text'; OnSql = $true; P = @{ DatabaseName = '{"hr_core": ' }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'map as a JSON array'; OnSql = $true; P = @{ DatabaseName = '["hr_core","x"]' }; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'new name 129 characters'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = (& $n 129) } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name 1000 characters'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = (& $n 1000) } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name with a hyphen'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'hr-core' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name with a space'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'hr core' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name with a bracket'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'hr]core' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name with a semicolon'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'x;DROP_DATABASE' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name unicode'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'hr_cöre' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name newline'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = "hr`ncore" } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name with a comma list'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'a,b' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name master'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'master' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name MASTER'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'MASTER' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name mAsTeR hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'old_mAsTeR_copy' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name msdb'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'msdb' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name MSDB hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'xMSDBx' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name tempdb'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'tempdb' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name TempDb hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'my_TempDb_2' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name model'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'model' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name MODEL hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'dataMODEL' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name resource'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'resource' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name ReSoUrCe hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'hr_ReSoUrCe_9' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name rdsadmin'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'rdsadmin' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name RDSADMIN hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'RDSADMIN_backup' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'new name rdsAdmin hidden'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'x_rdsAdmin' } }; Expect = 'RestoreIncompatible:DatabaseNameAllowed' }
        @{ Name = 'two new names the same'; OnSql = $true; P = @{ DatabaseName = [ordered]@{ hr_core = 'same_name'; hr_payroll = 'SAME_NAME' } }; Expect = 'RestoreIncompatible' }
        @{ Name = 'new name already on the target'; OnSql = $true; P = @{ DatabaseName = @{ hr_core = 'HR_ARCHIVE' } }; Expect = 'RestoreIncompatible:DatabaseNameNotInUse' }
    )
    # Objects piped in as a CSV or JSON file would give them: wrong types, nulls, nesting.
    $script:pipedCases = @(
        @{ Name = 'JSON numbers for ids (well-formed ids, unknown)'; Json = '{"source_instance_id":123,"target_instance_id":456,"backup_id":789}'; Expect = 'InstanceNotFound' }
        @{ Name = 'JSON negative number and fraction for ids'; Json = '{"source_instance_id":-1.5,"target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","backup_id":"x"}'; Expect = 'InvalidInstanceId' }
        @{ Name = 'JSON null target'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":null,"backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01"}'; Expect = 'ParameterArgumentValidationErrorNullNotAllowed' }
        @{ Name = 'JSON array as source id'; Json = '{"source_instance_id":["a","b"],"target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","backup_id":"x"}'; Expect = 'InputObjectMissingMandatory' }
        @{ Name = 'JSON object as target id'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":{"id":"x"},"backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01"}'; Expect = 'InvalidInstanceId' }
        @{ Name = 'JSON object as restore time'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","restore_time":{"$date":1}}'; Expect = 'InvalidRestoreTime' }
        @{ Name = 'JSON boolean as restore time'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","restore_time":true}'; Expect = 'InvalidRestoreTime' }
        @{ Name = 'JSON string map of a MySQL source'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01","database_name":"erp"}'; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'JSON map as JSON text with a number value'; Json = '{"source_instance_id":"873e5ee9a181bbf7008e9576f741aaadin04","target_instance_id":"6e9ad817324d9b4d3645b85fca8e9096in04","backup_id":"x","database_name":"{\"hr_core\":5}"}'; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'CSV row with a map cell that is not JSON'; Csv = "source_instance_id,target_instance_id,backup_id,database_name`n7b63b40ca1c07d188407e3c64ee772bdin01,4914c00a2e0baf9b9ca17102de91cf21in01,5cd7d817e2c03ebe01e1afd83b618862br01,hr_core=x"; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'JSON map with a number value'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01","database_name":{"erp":1}}'; Expect = 'InvalidDatabaseMap' }
        @{ Name = 'JSON backup and time both'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01","restore_time":1700000000000}'; Expect = 'BackupAndRestoreTimeBothGiven' }
        @{ Name = 'JSON time as a numeric string of a year 1960'; Json = '{"source_instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","target_instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01","restore_time":"1960-01-01T00:00:00Z"}'; Expect = 'RestoreTimeBeforeEpoch' }
        @{ Name = 'CSV row with a traversal target'; Csv = "source_instance_id,target_instance_id,backup_id`n7b63b40ca1c07d188407e3c64ee772bdin01,../x,5cd7d817e2c03ebe01e1afd83b618862br01"; Expect = 'InvalidInstanceId' }
        @{ Name = 'CSV row with a local time'; Csv = "source_instance_id,target_instance_id,restore_time`n7b63b40ca1c07d188407e3c64ee772bdin01,4914c00a2e0baf9b9ca17102de91cf21in01,2026-01-01 08:00:00"; Expect = 'RestoreTimeNotUtc' }
    )
    # The service answers with a spoiled body (the emulator's 'malformed' fault: the real answer cut in half).
    $script:answerCases = @(
        @{ Name = 'instance list cut in half'; Path = '/instances$'; Expect = 'RdsInvalidResponse' }
        @{ Name = 'backup list cut in half'; Path = '/backups$'; Expect = 'RdsInvalidResponse' }
        @{ Name = 'restore windows cut in half'; Path = '/restore-time$'; Expect = 'RdsInvalidResponse'; Time = $true }
        @{ Name = 'SQL Server databases cut in half'; Path = '/database/detail$'; Expect = 'RdsInvalidResponse'; OnSql = $true }
    )
}

BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force
    $script:emulator = Start-RdsTestEmulator
    $script:connection = Connect-RdsAccount -Endpoint $emulator.BaseUri -Region cn-north-4 -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey `
        -SecretKey (ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force) -PassThru
    $script:savedJournal = $env:RDSRECOVERY_JOURNAL
    $script:journal = Join-Path ([IO.Path]::GetTempPath()) ('rds-hostile-' + [guid]::NewGuid().ToString('N') + '.jsonl')
    $env:RDSRECOVERY_JOURNAL = $journal
    $script:mysql = @{ SourceInstanceId = '7b63b40ca1c07d188407e3c64ee772bdin01'; TargetInstanceId = '4914c00a2e0baf9b9ca17102de91cf21in01'; BackupId = '5cd7d817e2c03ebe01e1afd83b618862br01' }
    $sqlSource = '873e5ee9a181bbf7008e9576f741aaadin04'
    $script:sql = @{
        SourceInstanceId = $sqlSource; TargetInstanceId = '6e9ad817324d9b4d3645b85fca8e9096in04'
        BackupId = (Get-RdsBackup -Connection $connection -InstanceId $sqlSource | Where-Object Status -EQ 'COMPLETED' | Select-Object -First 1).Id
    }
    $sql.BackupId | Should -Not -BeNullOrEmpty

    # Runs one attempt; returns its error ids (non-terminating, or the terminating one), its output and the restores sent.
    # A crash shows up as an id that is not the expected one (an exception type name, or UnexpectedError).
    function Invoke-Attempt([scriptblock] $Attempt) {
        Invoke-RdsEmulatorAdmin $emulator requests -Method DELETE | Out-Null
        $ErrorActionPreference = 'Continue'
        $all = @()
        try { $all = @(& $Attempt 2>&1) }
        catch { $all = @($_) }
        $records = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $posts = @((Invoke-RdsEmulatorAdmin $emulator requests).requests | Where-Object method -EQ 'POST')
        [pscustomobject]@{
            Ids      = @($records | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
            Messages = ($records | ForEach-Object { $_.Exception.Message }) -join ' '
            Output   = @($all | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] })
            Posts    = $posts.Count
        }
    }

    function Assert-Refusal($Result, [string] $Expect) {
        $id, $rule = $Expect.Split(':')
        $Result.Output | Should -BeNullOrEmpty
        $Result.Ids.Count | Should -BeGreaterThan 0
        $Result.Ids[0] | Should -Be $id -Because $Result.Messages
        if ($rule) { $Result.Messages | Should -Match "\[$rule\]" }
        $Result.Posts | Should -Be 0 -Because 'a refused restore sends nothing'
    }
}
AfterAll {
    # Connect-RdsAccount set this session's default: leave none behind for the suites that run later.
    Disconnect-RdsAccount
    $env:RDSRECOVERY_JOURNAL = $savedJournal
    Remove-Item $journal -ErrorAction SilentlyContinue
    $emulator | Stop-RdsTestEmulator
}

Describe 'Hostile parameters to Restore-RdsInstance -Force' {
    It '<Name> gives <Expect> and sends nothing' -ForEach $parameterCases {
        $arguments = @{} + $(if ($OnSql) { $sql } else { $mysql })
        foreach ($key in $P.Keys) { $arguments[$key] = if ($P[$key] -is [scriptblock]) { & $P[$key] } else { $P[$key] } }
        if ($arguments.ContainsKey('BackupId') -and $null -eq $arguments.BackupId) { $arguments.Remove('BackupId') }
        $result = Invoke-Attempt { Restore-RdsInstance -Connection $connection @arguments -Force }
        Assert-Refusal $result $Expect
    }
}

Describe 'Hostile objects piped into Restore-RdsInstance -Force' {
    It '<Name> gives <Expect> and sends nothing' -ForEach $pipedCases {
        $items = if ($Json) { $Json | ConvertFrom-Json } else { $Csv | ConvertFrom-Csv }
        $result = Invoke-Attempt { $items | Restore-RdsInstance -Connection $connection -Force }
        if ($Expect -like 'ParameterArgument*' -or $Expect -like 'InputObject*') {
            # PowerShell's own binding refuses these before the cmdlet runs: still a specific id, no crash, nothing sent.
            $result.Ids[0] | Should -Be $Expect
            $result.Output | Should -BeNullOrEmpty
            $result.Posts | Should -Be 0
        }
        else { Assert-Refusal $result $Expect }
    }
}

Describe 'A service that answers with a spoiled body' {
    AfterEach { Invoke-RdsEmulatorAdmin $emulator faults -Method DELETE | Out-Null }

    It '<Name> gives <Expect> and sends no restore' -ForEach $answerCases {
        Invoke-RdsEmulatorAdmin $emulator faults -Method PUT -Body @{ seed = 1; rules = @(@{ kind = 'malformed'; path = $Path }) } | Out-Null
        $arguments = @{} + $(if ($OnSql) { $sql } else { $mysql })
        if ($OnSql) { $arguments.DatabaseName = @{ hr_core = 'hr_core_copy' } }
        if ($Time) { $arguments.Remove('BackupId'); $arguments.RestoreTime = [DateTimeOffset]::UtcNow.AddHours(-30) }
        $result = Invoke-Attempt { Restore-RdsInstance -Connection $connection @arguments -Force }
        Assert-Refusal $result $Expect
        $result.Messages | Should -Match 'X-Request-Id|request id' -Because 'the error carries the request id to report'
    }

    It 'a job answer cut in half gives RdsInvalidResponse from Get-RdsRestoreJob' {
        $job = Restore-RdsInstance -Connection $connection @mysql -Force -SkipCompatibilityCheck
        # Once the job is visible its answer is a 200 with a job object, the one worth spoiling.
        for ($i = 0; $i -lt 100 -and (Get-RdsRestoreJob -Connection $connection -JobId $job.JobId).Status -eq 'Submitted'; $i++) { Start-Sleep -Milliseconds 100 }
        Invoke-RdsEmulatorAdmin $emulator faults -Method PUT -Body @{ seed = 1; rules = @(@{ kind = 'malformed'; path = '/jobs$' }) } | Out-Null
        $result = Invoke-Attempt { Get-RdsRestoreJob -Connection $connection -JobId $job.JobId }
        Assert-Refusal $result 'RdsInvalidResponse'
    }

    It 'a map naming a database the backup does not hold is refused by the rules and sends nothing' {
        $result = Invoke-Attempt { Restore-RdsInstance -Connection $connection @sql -DatabaseName @{ no_such_db = 'x' } -Force }
        Assert-Refusal $result 'RestoreIncompatible:DatabaseToRestoreExists'
        $result.Messages | Should -Match "'no_such_db' is not in"
    }

    It 'hostile job ids give InvalidJobId and send nothing: <_>' -ForEach @('../jobs', 'a b', "x`ny", ('j' * 65), 'x&id=y') {
        $id = $_
        $result = Invoke-Attempt { Get-RdsRestoreJob -Connection $connection -JobId $id }
        Assert-Refusal $result 'InvalidJobId'
        @((Invoke-RdsEmulatorAdmin $emulator requests).requests).Count | Should -Be 0
    }
}

Describe 'Names at their limits are accepted (checked with Test-RdsRestoreCompatibility, which never submits)' {
    It 'accepts a new name of <_> characters' -ForEach @(1, 2, 127, 128) {
        $report = Test-RdsRestoreCompatibility -Connection $connection @sql -DatabaseName @{ hr_core = ('d' * $_) }
        $report.IsCompatible | Should -BeTrue
    }

    It 'accepts names that merely resemble reserved words: <_>' -ForEach @('mast_er', 'ms_db', 'temp_db', 'mod_el', 'resourc', 'rds_admin') {
        $report = Test-RdsRestoreCompatibility -Connection $connection @sql -DatabaseName @{ hr_core = $_ }
        $report.IsCompatible | Should -BeTrue
    }
}
