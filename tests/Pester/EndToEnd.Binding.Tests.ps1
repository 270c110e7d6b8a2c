# What binds when an object is piped into a cmdlet (issue 10, point 1): every output type of the module, the
# API-shaped JSON objects and CSV rows with snake_case or PascalCase headers, against every cmdlet that takes
# pipeline input. The table below is the contract; each row runs through the real module against the emulator.
#
# An expectation is what bound, in words: 'instance=ErpProd' (a reading cmdlet read that instance),
# 'source=ErpProd backup=ErpProdLatest target=ErpStaging' (the restore request built), 'job=<the job>', or
# 'error=<ErrorId>' (refused, with that id, before anything was read for it).
BeforeDiscovery {
    # Symbolic ids: the probes print names from the helper's id tables, so the table reads as prose.
    $script:Table = @(
        # RdsInstance: its id, and never -BackupId.
        @{ Shape = 'RdsInstance'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsInstance'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsInstance'; Command = 'Get-RdsRestoreWindow'; Expect = 'instance=ErpProd' }
        @{ Shape = 'SqlInstance'; Command = 'Get-RdsSqlServerDatabase'; Expect = 'instance=BiWeb' }
        @{ Shape = 'RdsInstance'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging time' }
        @{ Shape = 'RdsInstance'; Command = 'Restore-RdsInstance'; Expect = 'source=ErpProd target=ErpStaging time' }
        @{ Shape = 'RdsInstance'; Command = 'Get-RdsRestoreJob'; Expect = 'error=InvalidJobId' }
        # RdsBackup: its instance is the source, its id the backup.
        @{ Shape = 'RdsBackup'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsBackup'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd backup=ErpProdLatest' }
        @{ Shape = 'RdsBackup'; Command = 'Get-RdsRestoreWindow'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsBackup'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'RdsBackup'; Command = 'Restore-RdsInstance'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        # RdsRestoreJob: a job is followed, never read as an instance or replayed as a restore.
        @{ Shape = 'RdsRestoreJob'; Command = 'Get-RdsRestoreJob'; Expect = 'job' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Wait-RdsRestoreJob'; Expect = 'job' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Get-RdsInstance'; Expect = 'error=UnsupportedPipelineInput' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Get-RdsBackup'; Expect = 'error=UnsupportedPipelineInput' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Get-RdsRestoreWindow'; Expect = 'error=UnsupportedPipelineInput' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Get-RdsSqlServerDatabase'; Expect = 'error=InputObjectMissingMandatory' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'error=UnsupportedPipelineInput' }
        @{ Shape = 'RdsRestoreJob'; Command = 'Restore-RdsInstance'; Expect = 'error=UnsupportedPipelineInput' }
        # Windows and databases name their instance.
        @{ Shape = 'RdsRestoreWindow'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsRestoreWindow'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd' }
        @{ Shape = 'RdsRestoreWindow'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging time' }
        @{ Shape = 'RdsSqlServerDatabase'; Command = 'Get-RdsInstance'; Expect = 'instance=BiWeb' }
        @{ Shape = 'RdsSqlServerDatabase'; Command = 'Get-RdsSqlServerDatabase'; Expect = 'instance=BiWeb' }
        # API-shaped JSON (ConvertFrom-Json of the service's own answers).
        @{ Shape = 'ApiInstanceJson'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'ApiInstanceJson'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd' }
        @{ Shape = 'ApiInstanceJson'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging time' }
        @{ Shape = 'ApiBackupJson'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd backup=ErpProdLatest' }
        @{ Shape = 'ApiBackupJson'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'ApiBackupJson'; Command = 'Restore-RdsInstance'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        # Plan rows, snake_case and PascalCase, as CSV and as JSON.
        @{ Shape = 'SnakePlanCsv'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'PascalPlanCsv'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'SnakePlanCsv'; Command = 'Restore-RdsInstance'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'PascalPlanCsv'; Command = 'Restore-RdsInstance'; Expect = 'source=ErpProd target=ErpStaging backup=ErpProdLatest' }
        @{ Shape = 'SnakeTimePlanJson'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=CrmProd target=CrmStaging time' }
        @{ Shape = 'PascalTimePlanJson'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=CrmProd target=CrmStaging time' }
        @{ Shape = 'SnakeSqlPlanCsv'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=BiWeb target=BiSe backup=BiWebLatest databases=sales' }
        @{ Shape = 'PascalSqlPlanCsv'; Command = 'Test-RdsRestoreCompatibility'; Expect = 'source=BiWeb target=BiSe backup=BiWebLatest databases=sales' }
        @{ Shape = 'SnakePlanCsv'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd backup=ErpProdLatest' }
        @{ Shape = 'PascalPlanCsv'; Command = 'Get-RdsBackup'; Expect = 'instance=ErpProd backup=ErpProdLatest' }
        @{ Shape = 'PascalPlanCsv'; Command = 'Get-RdsInstance'; Expect = 'error=UnsupportedPipelineInput' }
        # Instance rows, snake_case and PascalCase.
        @{ Shape = 'SnakeInstanceCsv'; Command = 'Get-RdsInstance'; Expect = 'instance=HrWeb' }
        @{ Shape = 'PascalInstanceCsv'; Command = 'Get-RdsInstance'; Expect = 'instance=HrWeb' }
        @{ Shape = 'SnakeInstanceCsv'; Command = 'Get-RdsSqlServerDatabase'; Expect = 'instance=HrWeb' }
        @{ Shape = 'PascalInstanceCsv'; Command = 'Get-RdsRestoreWindow'; Expect = 'instance=HrWeb' }
        @{ Shape = 'SnakeJobCsv'; Command = 'Get-RdsRestoreJob'; Expect = 'job' }
        @{ Shape = 'PascalJobCsv'; Command = 'Wait-RdsRestoreJob'; Expect = 'job' }
        # Plain strings: ids, and (point 2) exact names.
        @{ Shape = 'IdString'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'NameString'; Command = 'Get-RdsInstance'; Expect = 'instance=ErpProd' }
        @{ Shape = 'JobIdString'; Command = 'Get-RdsRestoreJob'; Expect = 'job' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name binding
    Reset-Emulator

    # A real job for the job rows, submitted afresh for each (the restore rows reset the emulator).
    function New-Job {
        Reset-Emulator
        $script:Job = Restore-RdsInstance -SourceInstanceId $Ids.DwEe -TargetInstanceId $Ids.DwEeStaging -BackupId $Backups.DwEeLatest -Confirm:$false
        $script:Job
    }
    $script:Hour = [DateTimeOffset]::UtcNow.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:ssZ')
    $names = @{}
    foreach ($key in $Ids.Keys) { $names[$Ids[$key]] = $key }
    foreach ($key in $Backups.Keys) { $names[$Backups[$key]] = $key }
    $script:NameOf = $names

    function New-Input([string] $Shape) {
        if ($Shape -match 'Job') { New-Job | Out-Null }
        switch ($Shape) {
            'RdsInstance' { Get-RdsInstance -InstanceId $Ids.ErpProd }
            'SqlInstance' { Get-RdsInstance -InstanceId $Ids.BiWeb }
            'RdsBackup' { Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdLatest }
            'RdsRestoreJob' { $Job }
            'RdsRestoreWindow' { Get-RdsRestoreWindow -InstanceId $Ids.ErpProd | Select-Object -First 1 }
            'RdsSqlServerDatabase' { Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb | Where-Object Name -EQ 'sales' }
            'ApiInstanceJson' { '{"id":"' + $Ids.ErpProd + '","name":"erp-prod","status":"ACTIVE","datastore":{"type":"MySQL","version":"5.7"}}' | ConvertFrom-Json }
            'ApiBackupJson' { '{"id":"' + $Backups.ErpProdLatest + '","instance_id":"' + $Ids.ErpProd + '","name":"b","type":"auto","status":"COMPLETED"}' | ConvertFrom-Json }
            'SnakePlanCsv' { "source_instance_id,target_instance_id,backup_id,restore_time,database_name`n$($Ids.ErpProd),$($Ids.ErpStaging),$($Backups.ErpProdLatest),," | ConvertFrom-Csv }
            'PascalPlanCsv' { "SourceInstanceId,TargetInstanceId,BackupId,RestoreTime,DatabaseName`n$($Ids.ErpProd),$($Ids.ErpStaging),$($Backups.ErpProdLatest),," | ConvertFrom-Csv }
            'SnakeTimePlanJson' { '{"source_instance_id":"' + $Ids.CrmProd + '","target_instance_id":"' + $Ids.CrmStaging + '","restore_time":"' + $Hour + '"}' | ConvertFrom-Json }
            'PascalTimePlanJson' { '{"SourceInstanceId":"' + $Ids.CrmProd + '","TargetInstanceId":"' + $Ids.CrmStaging + '","RestoreTime":"' + $Hour + '"}' | ConvertFrom-Json }
            'SnakeSqlPlanCsv' { "source_instance_id,target_instance_id,backup_id,database_name`n$($Ids.BiWeb),$($Ids.BiSe),$($Backups.BiWebLatest),`"{`"`"sales`"`":`"`"sales_copy`"`"}`"" | ConvertFrom-Csv }
            'PascalSqlPlanCsv' { "SourceInstanceId,TargetInstanceId,BackupId,DatabaseName`n$($Ids.BiWeb),$($Ids.BiSe),$($Backups.BiWebLatest),`"{`"`"sales`"`":`"`"sales_copy`"`"}`"" | ConvertFrom-Csv }
            'SnakeInstanceCsv' { "instance_id`n$($Ids.HrWeb)" | ConvertFrom-Csv }
            'PascalInstanceCsv' { "InstanceId`n$($Ids.HrWeb)" | ConvertFrom-Csv }
            'SnakeJobCsv' { "job_id`n$($Job.JobId)" | ConvertFrom-Csv }
            'PascalJobCsv' { "JobId`n$($Job.JobId)" | ConvertFrom-Csv }
            'IdString' { $Ids.ErpProd }
            'NameString' { 'erp-prod' }
            'JobIdString' { $Job.JobId }
            default { throw "No input shape $Shape" }
        }
    }

    # What the command bound for the piped input, in the table's words.
    function Get-Binding([string] $Command, $InputObject) {
        $arguments = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failure' }
        switch ($Command) {
            'Test-RdsRestoreCompatibility' { if (-not ($InputObject.PSObject.Properties.Name -match 'target')) { $arguments.TargetInstanceId = $Ids.ErpStaging } }
            'Restore-RdsInstance' {
                if (-not ($InputObject.PSObject.Properties.Name -match 'target')) { $arguments.TargetInstanceId = $Ids.ErpStaging }
                $arguments.Confirm = $false
            }
            'Wait-RdsRestoreJob' { $arguments.PollInterval = [TimeSpan]::FromMilliseconds(200) }
        }
        # Instances and windows carry no backup: the restore rows give them a point in time.
        if ($Command -in 'Test-RdsRestoreCompatibility', 'Restore-RdsInstance' -and -not $arguments.ContainsKey('RestoreTime') -and
            ($InputObject -is [RdsRecovery.Model.RdsInstance] -or $InputObject -is [RdsRecovery.Model.RdsRestoreWindow] -or $InputObject.PSObject.Properties.Name -contains 'datastore')) {
            $arguments.RestoreTime = [DateTimeOffset]::UtcNow.AddMinutes(-30)
        }
        if ($Command -eq 'Restore-RdsInstance') { Reset-Emulator }
        $out = @($InputObject | & $Command @arguments)
        if ($failure) { return "error=$($failure[0] | Get-ErrorId)" }
        $first = $out[0]
        switch ($Command) {
            { $_ -in 'Get-RdsRestoreJob', 'Wait-RdsRestoreJob' } { if ($first.JobId -eq $Job.JobId) { return 'job' } else { return "job=$($first.JobId)" } }
            'Get-RdsInstance' { return "instance=$($NameOf[$first.Id])" }
            'Get-RdsBackup' {
                $instance = "instance=$($NameOf[($out.InstanceId | Sort-Object -Unique)])"
                if ($out.Count -eq 1) { return "$instance backup=$($NameOf[$first.Id])" } else { return $instance }
            }
            { $_ -in 'Get-RdsRestoreWindow', 'Get-RdsSqlServerDatabase' } { return "instance=$($NameOf[($out.InstanceId | Sort-Object -Unique)])" }
        }
        $request = if ($Command -eq 'Test-RdsRestoreCompatibility') { $first.Request } else {
            $posts = @(Get-RestorePost)
            if ($posts.Count -ne 1) { return "posts=$($posts.Count)" }
            $body = $posts[0].body | ConvertFrom-Json
            [pscustomobject]@{ SourceInstanceId = $body.source.instance_id; TargetInstanceId = $body.target.instance_id; BackupId = $body.source.backup_id
                Mode = if ($body.source.type -eq 'backup') { 'Backup' } else { 'PointInTime' }; DatabaseMap = $null }
        }
        $text = "source=$($NameOf[$request.SourceInstanceId]) target=$($NameOf[$request.TargetInstanceId])"
        $text += if ("$($request.Mode)" -eq 'Backup') { " backup=$($NameOf[$request.BackupId])" } else { ' time' }
        if ($request.DatabaseMap) { $text += " databases=$(($request.DatabaseMap | ForEach-Object Key) -join ',')" }
        $text
    }
}

AfterAll { Stop-EndToEnd }

Describe 'Binding table: (output type or row shape) x (cmdlet)' {
    It '<Shape> | <Command> binds <Expect>' -TestCases $Table {
        $piped = New-Input $Shape
        $piped | Should -Not -BeNullOrEmpty
        Get-Binding $Command $piped | Should -Be $Expect
    }
}

Describe 'Refusals of the binding are specific and send nothing' {
    It 'an RdsInstance piped into Restore-RdsInstance never binds -BackupId' {
        $instance = Get-RdsInstance -InstanceId $Ids.ErpProd
        Clear-RequestLog
        $instance | Restore-RdsInstance -TargetInstanceId $Ids.ErpStaging -RestoreTime ([DateTimeOffset]::UtcNow.AddMinutes(-30)) -WhatIf -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -BeNullOrEmpty
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'a job piped into Get-RdsInstance names the job and says which ids to pass' {
        $Job = New-Job
        Clear-RequestLog
        $Job | Get-RdsInstance -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'UnsupportedPipelineInput'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].TargetObject.JobId | Should -Be $Job.JobId
        $failure[0].Exception.Message | Should -Match 'TargetInstanceId'
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'a backup piped with a different -BackupId is a conflict, not a guess' {
        $backup = Get-RdsBackup -InstanceId $Ids.ErpProd -BackupId $Backups.ErpProdLatest
        Clear-RequestLog
        $backup | Test-RdsRestoreCompatibility -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdManual -ErrorVariable failure -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'PipelineInputConflict'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}
