# -RestoreTime Latest against the emulator: resolved when the request is built to the end of the source's newest
# restorable window, and the one millisecond sent is the one the prompt, -WhatIf, the job and the journal show.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name latest

    # The end of the source's newest window as Get-RdsRestoreWindow shows it, in Unix milliseconds.
    function Get-LatestEndMs([string] $InstanceId) {
        (Get-RdsRestoreWindow -InstanceId $InstanceId | Measure-Object -Property End -Maximum).Maximum.ToUnixTimeMilliseconds()
    }
    function Get-JournalEntry([string] $JobId) {
        Get-Content -LiteralPath $JournalPath | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object jobId -eq $JobId
    }
    # The -WhatIf text goes to the host, not to a stream: a transcript records it.
    function Invoke-Transcribed([scriptblock] $Script) {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "rds-latest-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -LiteralPath $transcript | Out-Null
        try { & $Script | Out-Null } finally { Stop-Transcript | Out-Null }
        $text = (Get-Content -LiteralPath $transcript -Raw) -replace '\r?\n', ''
        Remove-Item -LiteralPath $transcript
        $text
    }
    function Format-Ms([long] $Ms) { [DateTimeOffset]::FromUnixTimeMilliseconds($Ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") }
}

AfterAll { Stop-EndToEnd }

Describe 'Restore-RdsInstance -RestoreTime Latest' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'sends the end of the newest window, and the job and the journal show that exact millisecond' {
        $before = Get-LatestEndMs $Ids.ErpProd
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime Latest -Force
        $after = Get-LatestEndMs $Ids.ErpProd
        $posts = @(Get-RestorePost)
        $posts.Count | Should -Be 1
        $sent = ($posts[0].body | ConvertFrom-Json).source
        $sent.type | Should -Be 'timestamp'
        # The open window ends a fixed delay before now: the time sent lies between the ends read before and after.
        $sent.restore_time | Should -BeGreaterOrEqual $before
        $sent.restore_time | Should -BeLessOrEqual $after
        $job.RestoreTime.ToUnixTimeMilliseconds() | Should -Be $sent.restore_time
        $job.RestoreTime.Offset | Should -Be ([TimeSpan]::Zero)
        $entry = @(Get-JournalEntry $job.JobId)[0]
        ([DateTimeOffset]$entry.restoreTime).ToUnixTimeMilliseconds() | Should -Be $sent.restore_time
        $posts[0].status | Should -Be 200
    }

    It 'takes the word in any case from a CSV row, as it takes a time' {
        $csv = @"
source_instance_id,target_instance_id,backup_id,restore_time
$($Ids.CrmProd),$($Ids.CrmStaging),,lAtEsT
"@ | ConvertFrom-Csv
        $job = $csv | Restore-RdsInstance -Force
        $sent = ((Get-RestorePost)[0].body | ConvertFrom-Json).source
        $job.RestoreTime.ToUnixTimeMilliseconds() | Should -Be $sent.restore_time
        $job.SourceInstanceId | Should -Be $Ids.CrmProd
    }

    It '-WhatIf shows the exact body with the millisecond it would send, and the same time in words' {
        $before = Get-LatestEndMs $Ids.ErpProd
        $text = Invoke-Transcribed { Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime Latest -WhatIf }
        Get-RestorePost | Should -BeNullOrEmpty
        $body = [regex]::Match($text, 'Body of POST \S+: (\{"source".*?"target":\{"instance_id":"[^"]+"\}\})').Groups[1].Value
        $body | Should -Match ('^\{"source":\{"instance_id":"' + $Ids.ErpProd + '","type":"timestamp","restore_time":(\d+)\},"target":\{"instance_id":"' + $Ids.ErpStaging + '"\}\}$')
        $ms = [long][regex]::Match($body, '"restore_time":(\d+)').Groups[1].Value
        $ms | Should -BeGreaterOrEqual $before
        $ms | Should -BeLessOrEqual (Get-LatestEndMs $Ids.ErpProd)
        $text | Should -BeLike "*as of $(Format-Ms $ms) (UTC)*"
    }

    It 'says in the verbose stream which time Latest stood for' {
        $verbose = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime latest -WhatIf -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like '-RestoreTime Latest is *' }
        @($verbose).Count | Should -Be 1
        $verbose.Message | Should -Match '^-RestoreTime Latest is \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(UTC\), the end of the newest restorable window of '
    }

    It 'is refused with NoRestoreWindow when the source has no window, and nothing is sent' {
        Set-Fault @(@{ kind = 'rewrite'; method = 'GET'; path = '/restore-time$'; set = @{ restore_time = @() } })
        try {
            Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime Latest -Force `
                -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        }
        finally { Clear-Fault }
        ($refused[0] | Get-ErrorId) | Should -Be 'NoRestoreWindow'
        $refused[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $refused[0].TargetObject | Should -Be $Ids.ErpProd
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'with -BackupId is BackupAndRestoreTimeBothGiven before anything is read' {
        Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -RestoreTime Latest -Force `
            -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        ($refused[0] | Get-ErrorId) | Should -Be 'BackupAndRestoreTimeBothGiven'
        @(Get-RequestLog | Where-Object path -like '*/restore-time') | Should -BeNullOrEmpty
        Get-RestorePost | Should -BeNullOrEmpty
    }

    It 'offline is LatestRestoreTimeUnresolved, also under -WhatIf, and nothing is read or sent' {
        Disconnect-RdsAccount
        try {
            Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime Latest -WhatIf `
                -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
            Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime LATEST `
                -ErrorAction SilentlyContinue -ErrorVariable refusedToo | Should -BeNullOrEmpty
            $log = Get-RequestLog
        }
        finally { Connect-EndToEnd }
        ($refused[0] | Get-ErrorId) | Should -Be 'LatestRestoreTimeUnresolved'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused[0].TargetObject | Should -Be 'Latest'
        ($refusedToo[0] | Get-ErrorId) | Should -Be 'LatestRestoreTimeUnresolved'
        $refusedToo[0].TargetObject | Should -Be 'LATEST'
        $log | Should -BeNullOrEmpty
    }
}

Describe 'Test-RdsRestoreCompatibility -RestoreTime Latest' {
    BeforeAll { Reset-Emulator }

    It 'checks the latest restorable time, which lies in a window' {
        $report = Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -RestoreTime Latest
        $report.IsCompatible | Should -BeTrue
        ($report.Rules | Where-Object RuleId -eq 'RestoreTimeInWindow').Outcome | Should -Be 'Passed'
        $report.Request.RestoreTime.ToUnixTimeMilliseconds() | Should -BeLessOrEqual (Get-LatestEndMs $Ids.ErpProd)
    }

    It 'reads the windows of an instance given as an object' {
        $source = Get-RdsInstance -InstanceId $Ids.ErpProd
        $target = Get-RdsInstance -InstanceId $Ids.ErpStaging
        $report = Test-RdsRestoreCompatibility -SourceInstance $source -TargetInstance $target -RestoreTime Latest
        $report.Request.RestoreTime | Should -Not -BeNullOrEmpty
        $report.Request.Mode | Should -Be 'PointInTime'
    }
}
