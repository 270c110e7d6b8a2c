# Tab completion that helps choose: usable backups first, compatible targets first, jobs from the journal; it
# never throws and never prompts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name completion
    function Get-Completion([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | Where-Object ResultType -eq 'ParameterValue') }
}

AfterAll { Stop-EndToEnd }

Describe 'Completion of -BackupId' {
    It 'offers COMPLETED backups first, newest first, and marks the others' {
        $completions = Get-Completion "Restore-RdsInstance -SourceInstanceId $($Ids.ErpProd) -BackupId "
        $listed = Get-RdsBackup -InstanceId $Ids.ErpProd
        $completed = @($listed | Where-Object Status -eq 'COMPLETED' | Sort-Object EndTime -Descending).Id
        $completions.Count | Should -Be @($listed).Count
        @($completions | Select-Object -First $completed.Count).CompletionText | Should -Be $completed
        $failed = $completions | Where-Object CompletionText -eq $Backups.ErpProdFailed
        $failed.ListItemText | Should -Match '\[FAILED\]'
        $building = $completions | Where-Object CompletionText -eq $Backups.ErpProdBuilding
        $building.ListItemText | Should -Match '\[BUILDING\]'
        ($completions | Where-Object CompletionText -eq $Backups.ErpProdLatest).ListItemText | Should -Not -Match '\['
    }
}

Describe 'Completion of -TargetInstanceId' {
    It 'offers instances of the bound source''s engine first' {
        $completions = Get-Completion "Restore-RdsInstance -SourceInstanceId $($Ids.CrmProd) -TargetInstanceId "
        $engines = @{}
        Get-RdsInstance | ForEach-Object { $engines[$_.Id] = $_.Engine }
        $order = @($completions.CompletionText | ForEach-Object { $engines[$_] })
        $firstOther = [Array]::FindIndex([string[]] $order, [Predicate[string]] { param($e) $e -ne 'PostgreSQL' })
        $firstOther | Should -BeGreaterThan 0
        @($order | Select-Object -Skip $firstOther) | Should -Not -Contain 'PostgreSQL'
        $completions.Count | Should -Be @(Get-RdsInstance).Count
    }

    It 'keeps its name order without a source' {
        $completions = Get-Completion 'Restore-RdsInstance -TargetInstanceId '
        $names = @($completions.ListItemText | ForEach-Object { ($_ -split ' ')[0] })
        $names | Should -Be @($names | Sort-Object)
    }
}

Describe 'Completion of -JobId' {
    It 'offers the jobs of the journal, newest first, in a new session too' {
        Reset-Emulator
        $first = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait -PollInterval 0:0:0.2
        $second = Restore-RdsInstance -SourceInstanceId $Ids.CrmProd -TargetInstanceId $Ids.CrmStaging -BackupId $Backups.CrmProdLatest -Confirm:$false
        # A fresh runspace knows no job of this session: only the journal can name them.
        $ps = [PowerShell]::Create()
        try {
            $ps.AddScript("Import-Module '$env:RDSRECOVERY_MODULE'; `$env:RDSRECOVERY_JOURNAL = '$JournalPath'; " +
                "@((TabExpansion2 -inputScript 'Get-RdsRestoreJob -JobId ' -cursorColumn 25).CompletionMatches)") | Out-Null
            $completions = @($ps.Invoke())
        }
        finally { $ps.Dispose() }
        @($completions.CompletionText | Select-Object -First 2) | Should -Be @($second.JobId, $first.JobId)
        ($completions | Where-Object CompletionText -eq $first.JobId).ToolTip | Should -Match $Ids.ErpStaging
    }
}

Describe 'Completion never throws' {
    It 'answers nothing, without an error, for a source that does not exist or a broken journal' {
        $Error.Clear()
        Get-Completion 'Restore-RdsInstance -SourceInstanceId nosuch -BackupId ' | Should -BeNullOrEmpty
        $saved = $env:RDSRECOVERY_JOURNAL
        try {
            $env:RDSRECOVERY_JOURNAL = [IO.Path]::GetTempPath()    # a folder, not a file
            { Get-Completion 'Wait-RdsRestoreJob -JobId ' } | Should -Not -Throw
        }
        finally { $env:RDSRECOVERY_JOURNAL = $saved }
        $Error.Count | Should -Be 0
    }
}
