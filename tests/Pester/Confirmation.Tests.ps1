# Confirmation safety (issue 6, item 5): -WhatIf, $WhatIfPreference, -Confirm:$false, $ConfirmPreference = 'None',
# -Force and -Force -WhatIf behave as PowerShell defines; a host that cannot ask restores nothing and says how to
# proceed. The emulator's request log proves what was sent.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force
    . (Join-Path $PSScriptRoot 'ChildPwsh.ps1')
    $script:emulator = Start-RdsTestEmulator
    $script:connection = Connect-RdsAccount -Endpoint $emulator.BaseUri -Region cn-north-4 -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey `
        -SecretKey (ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force) -PassThru
    $script:journal = Join-Path ([IO.Path]::GetTempPath()) ('rds-confirm-' + [guid]::NewGuid().ToString('N') + '.jsonl')
    $script:savedJournal = $env:RDSRECOVERY_JOURNAL
    $env:RDSRECOVERY_JOURNAL = $journal
    # erp-prod's latest backup into erp-staging: a restore the rules accept.
    $script:restore = @{
        Connection = $connection; SourceInstanceId = '7b63b40ca1c07d188407e3c64ee772bdin01'
        TargetInstanceId = '4914c00a2e0baf9b9ca17102de91cf21in01'; BackupId = '5cd7d817e2c03ebe01e1afd83b618862br01'
    }

    function Reset-Emulator { Invoke-RdsEmulatorAdmin $emulator reset -Method POST | Out-Null }
    function Get-Requests { @((Invoke-RdsEmulatorAdmin $emulator requests).requests) }
    function Get-RestorePosts { @(Get-Requests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' }) }

    $script:restoreLine = "Restore-RdsInstance -SourceInstanceId $($restore.SourceInstanceId) -TargetInstanceId $($restore.TargetInstanceId) -BackupId $($restore.BackupId)"
}
AfterAll {
    # Connect-RdsAccount set this session's default: leave none behind for the suites that run later.
    Disconnect-RdsAccount
    $env:RDSRECOVERY_JOURNAL = $savedJournal
    Remove-Item $journal -ErrorAction SilentlyContinue
    $emulator | Stop-RdsTestEmulator
}

Describe 'What PowerShell defines, proven by the request log' {
    BeforeEach { Reset-Emulator }

    It '-WhatIf reads the facts but sends no restore and returns no job' {
        $out = Restore-RdsInstance @restore -WhatIf
        $out | Should -BeNullOrEmpty
        Get-RestorePosts | Should -BeNullOrEmpty
        @(Get-Requests | Where-Object method -NE 'GET') | Should -BeNullOrEmpty -Because '-WhatIf makes no request that changes anything'
        @(Get-Requests).Count | Should -BeGreaterThan 0 -Because 'the facts are read under -WhatIf too'
    }

    It '$WhatIfPreference = $true sends no restore' {
        $WhatIfPreference = $true
        try { $out = Restore-RdsInstance @restore } finally { $WhatIfPreference = $false }
        $out | Should -BeNullOrEmpty
        Get-RestorePosts | Should -BeNullOrEmpty
    }

    It '-WhatIf:$false overrides $WhatIfPreference and, with -Confirm:$false, sends the restore once' {
        $WhatIfPreference = $true
        try { $out = Restore-RdsInstance @restore -WhatIf:$false -Confirm:$false } finally { $WhatIfPreference = $false }
        $out.JobId | Should -Match '^[0-9a-f]{32}$'
        (Get-RestorePosts).Count | Should -Be 1
    }

    It '-Force -WhatIf sends no restore (-Force never overrides -WhatIf)' {
        $out = Restore-RdsInstance @restore -Force -WhatIf
        $out | Should -BeNullOrEmpty
        Get-RestorePosts | Should -BeNullOrEmpty
    }

    It '-Force with $WhatIfPreference = $true sends no restore' {
        $WhatIfPreference = $true
        try { $out = Restore-RdsInstance @restore -Force } finally { $WhatIfPreference = $false }
        $out | Should -BeNullOrEmpty
        Get-RestorePosts | Should -BeNullOrEmpty
    }

    It '-Confirm:$false sends the restore exactly once, with the body shown under -WhatIf' {
        $job = Restore-RdsInstance @restore -Confirm:$false
        $posts = Get-RestorePosts
        $posts.Count | Should -Be 1
        $posts[0].status | Should -Be 200
        $posts[0].body | Should -Be ('{"source":{"instance_id":"' + $restore.SourceInstanceId + '","type":"backup","backup_id":"' + $restore.BackupId +
            '"},"target":{"instance_id":"' + $restore.TargetInstanceId + '"}}')
        $job.TargetInstanceId | Should -Be $restore.TargetInstanceId
    }

    It '$ConfirmPreference = ''None'' sends the restore exactly once without asking' {
        $ConfirmPreference = 'None'
        try { $job = Restore-RdsInstance @restore } finally { $ConfirmPreference = 'High' }
        $job.JobId | Should -Match '^[0-9a-f]{32}$'
        (Get-RestorePosts).Count | Should -Be 1
    }

    It '-Force sends the restore exactly once without asking' {
        $job = Restore-RdsInstance @restore -Force
        $job.JobId | Should -Match '^[0-9a-f]{32}$'
        (Get-RestorePosts).Count | Should -Be 1
    }
}

Describe 'A non-interactive session cannot confirm, so nothing is restored' {
    BeforeAll {
        Reset-Emulator
        # Each attempt prints its error id and message in place (stderr would arrive out of order).
        $script:printed = Invoke-ChildPwsh -ConnectTo $emulator @"
function Show([scriptblock] `$attempt) {
    try { & `$attempt; Write-Output 'no error' } catch { Write-Output "`$(`$_.FullyQualifiedErrorId) :: `$(`$_.Exception.Message)" }
}
Write-Output '--plain--'
Show { $restoreLine }
Write-Output '--pref--'
`$ConfirmPreference = 'Medium'
Show { $restoreLine -Force:`$false }
`$ConfirmPreference = 'High'
Write-Output '--force-confirm--'
Show { $restoreLine -Force -Confirm }
Write-Output '--end--'
"@
        $script:posts = Get-RestorePosts
        $script:reads = @(Get-Requests | Where-Object method -EQ 'GET')
        function Get-Section([string] $Name) {
            $m = [regex]::Match($printed, "(?s)--$Name--\n(.*?)\n--")
            if (-not $m.Success) { throw "Section $Name not found in:`n$printed" }
            $m.Groups[1].Value
        }
    }

    It 'sent no restore at all' {
        $printed | Should -Match '--end--'
        $posts | Should -BeNullOrEmpty
        $reads.Count | Should -BeGreaterThan 0 -Because 'the child was connected and read the facts before it had to ask'
    }

    It 'says ConfirmationUnavailable, that nothing was sent and how to proceed' {
        $plain = Get-Section 'plain'
        $plain | Should -Match 'ConfirmationUnavailable'
        $plain | Should -Match 'Nothing was sent'
        $plain | Should -Match ([regex]::Escape('-Confirm:$false or -Force'))
    }

    It 'refuses under a lower $ConfirmPreference too' {
        Get-Section 'pref' | Should -Match 'ConfirmationUnavailable'
    }

    It 'asks (and so refuses) when -Confirm is given with -Force' {
        Get-Section 'force-confirm' | Should -Match 'ConfirmationUnavailable'
    }
}

# Issue 10, point 7: the prompt a person decides on, and a host that cannot ask (pwsh -File with standard input
# closed, without -NonInteractive). Each case runs a script file in a fresh pwsh and answers on its standard input.
Describe 'The confirmation prompt' {
    BeforeAll {
        function Invoke-ChildFile([string] $Script, [string] $Answer) {
            $connect = Get-EmulatorConnectLine $emulator
            $file = Join-Path ([IO.Path]::GetTempPath()) ('rds-prompt-' + [guid]::NewGuid().ToString('N') + '.ps1')
            Set-Content -LiteralPath $file -Value "Import-Module '$($env:RDSRECOVERY_MODULE)'; $connect`n$Script`n'--end--'"
            $command = Get-ChildPwshCommand
            $start = [Diagnostics.ProcessStartInfo]::new($command.Path)
            foreach ($a in @($command.Prefix) + @('-NoProfile', '-File', $file)) { $start.ArgumentList.Add($a) }
            $start.RedirectStandardInput = $true
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $start.UseShellExecute = $false
            $start.Environment['NO_COLOR'] = '1'
            $start.Environment['RDSRECOVERY_JOURNAL'] = $journal
            try {
                $child = [Diagnostics.Process]::Start($start)
                $errors = $child.StandardError.ReadToEndAsync()
                if ($Answer) { $child.StandardInput.Write($Answer) }
                $child.StandardInput.Close()
                $out = $child.StandardOutput.ReadToEnd()
                if (-not $child.WaitForExit(120000)) { $child.Kill($true); throw 'The child pwsh did not finish.' }
                # The host wraps long lines at its width: join them back so phrases can be matched.
                (($out + $errors.Result) -replace '\r?\n', ' ') -replace '\s+', ' '
            }
            finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
        }
        $script:latest = Get-RdsBackup -InstanceId $restore.SourceInstanceId -BackupId $restore.BackupId -Connection $connection
        $script:endTime = $latest.EndTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss")
    }
    BeforeEach { Reset-Emulator }

    It 'leads with the target''s name then id, says the whole instance is overwritten, and names the backup and its end time' {
        $text = Invoke-ChildFile $restoreLine "N`n"
        $text | Should -Match '--end--'
        $text | Should -Match "Overwrite erp-staging \($($restore.TargetInstanceId)\)"
        $text | Should -Match 'WHOLE instance'
        $text | Should -Match ([regex]::Escape("backup '$($latest.Name)'"))
        $text | Should -Match ([regex]::Escape("ended $endTime"))
        $text | Should -Match ([regex]::Escape("erp-prod ($($restore.SourceInstanceId))"))
        Get-RestorePosts | Should -BeNullOrEmpty -Because 'the answer was No'
    }

    It 'gives the point in time in UTC' {
        $time = [DateTimeOffset]::UtcNow.AddMinutes(-30)
        $text = Invoke-ChildFile "Restore-RdsInstance -SourceInstanceId $($restore.SourceInstanceId) -TargetInstanceId $($restore.TargetInstanceId) -RestoreTime '$($time.ToString('o'))'" "N`n"
        $text | Should -Match "Overwrite erp-staging \($($restore.TargetInstanceId)\)"
        $text | Should -Match ([regex]::Escape("as of $($time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"))"))
        $text | Should -Match 'UTC'
    }

    It 'says only the listed databases are restored when a map is given' {
        $bk = (Get-RdsBackup -InstanceId e00e9cefac28bf952191d47d88218580in04 -Status COMPLETED -Connection $connection)[0]
        $text = Invoke-ChildFile "Restore-RdsInstance -SourceInstanceId e00e9cefac28bf952191d47d88218580in04 -TargetInstanceId e3ac7ad446d1286484ff321233198836in04 -BackupId $($bk.Id) -DatabaseName @{ sales = 'sales_copy' }" "N`n"
        $text | Should -Match 'Overwrite bi-sql2016-se \(e3ac7ad446d1286484ff321233198836in04\)'
        $text | Should -Match 'ONLY the listed databases'
        $text | Should -Match 'sales as sales_copy'
        $text | Should -Not -Match 'WHOLE instance'
    }

    It 'pwsh -File with standard input closed gets ConfirmationUnavailable, never a NullReferenceException; nothing is sent' {
        $text = Invoke-ChildFile "try { $restoreLine } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId + ' :: ' + `$_.Exception.Message }" $null
        $text | Should -Match 'CAUGHT ConfirmationUnavailable'
        $text | Should -Not -Match 'NullReference'
        Get-RestorePosts | Should -BeNullOrEmpty
    }
}
