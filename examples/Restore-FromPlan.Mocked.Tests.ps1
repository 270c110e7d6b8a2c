# Tests of the runbook with the RdsRecovery cmdlets mocked: no service, no emulator. The mocks return the
# module's real output types (RdsRestoreJob, CompatibilityReport), built the way any user's test can build them.
BeforeAll {
    $module = if ($env:RDSRECOVERY_MODULE) { $env:RDSRECOVERY_MODULE } else { Join-Path $PSScriptRoot '../out/RdsRecovery' }
    Import-Module $module -Force
    $script:Runbook = Join-Path $PSScriptRoot 'Restore-FromPlan.ps1'

    # A compatibility report as Test-RdsRestoreCompatibility returns it: a request plus one result per rule.
    function New-Report([string] $Source, [string] $Target, [string] $Backup = 'bk1', [string[]] $FailedRule = @()) {
        $request = [RdsRecovery.Model.RestoreRequest]::ForBackup($Source, $Target, $Backup)
        $rules = foreach ($rule in [RdsRecovery.Rules.RdsRuleIds]::All) {
            if ($FailedRule -contains $rule) { [RdsRecovery.Rules.RuleResult]::Failed($rule, "$rule does not hold for $Source -> $Target.") }
            else { [RdsRecovery.Rules.RuleResult]::Passed($rule, 'ok') }
        }
        [RdsRecovery.Rules.CompatibilityReport]::new($request, $null, $null, [RdsRecovery.Rules.RuleResult[]] @($rules), [DateTimeOffset]::UtcNow)
    }

    function New-Plan([string[]] $Lines) {
        $path = Join-Path $TestDrive "plan-$([guid]::NewGuid().ToString('N')).csv"
        Set-Content -Path $path -Value (@('source_instance_id,target_instance_id,backup_id,restore_time,database_name') + $Lines)
        $path
    }
}

Describe 'Restore-FromPlan with mocked cmdlets' {
    BeforeEach {
        # Compatible unless the target is 'small'.
        Mock Test-RdsRestoreCompatibility {
            $failed = if ($TargetInstanceId -eq 'small') { @('TargetVolumeLargeEnough') } else { @() }
            New-Report $SourceInstanceId $TargetInstanceId 'bk1' $failed
        }
        Mock Restore-RdsInstance {
            [RdsRecovery.Model.RdsRestoreJob]@{
                JobId = "job-$TargetInstanceId"; SourceInstanceId = $SourceInstanceId; TargetInstanceId = $TargetInstanceId
                BackupId = $BackupId; Status = 'Submitted'; SubmittedAt = [DateTimeOffset]::UtcNow
            }
        }
        # Every job completes, except the one into 'doomed', which fails with a reason.
        Mock Wait-RdsRestoreJob {
            foreach ($j in $Job) {
                $done = [RdsRecovery.Model.RdsRestoreJob]@{ JobId = $j.JobId; TargetInstanceId = $j.TargetInstanceId; Status = 'Completed'; TargetStatus = 'ACTIVE' }
                if ($j.TargetInstanceId -eq 'doomed') { $done.Status = 'Failed'; $done.FailReason = 'disk full' }
                $done
            }
        }
    }

    It 'restores every compatible row and reports each Completed' {
        $plan = New-Plan 'src1,tgt1,bk1,,', 'src2,tgt2,bk2,,'
        $results = @(& $Runbook -PlanPath $plan -Confirm:$false)
        $results.Outcome | Should -Be @('Completed', 'Completed')
        $results.JobId | Should -Be @('job-tgt1', 'job-tgt2')
        Should -Invoke Restore-RdsInstance -Times 2 -Exactly
        Should -Invoke Wait-RdsRestoreJob -Times 1 -Exactly
    }

    It 'a refused row is reported with its row number and rule, and the others go on' {
        $plan = New-Plan 'src1,tgt1,bk1,,', 'src1,small,bk1,,', 'src3,tgt3,bk3,,'
        $results = @(& $Runbook -PlanPath $plan -Confirm:$false)
        $results.Outcome | Should -Be @('Completed', 'Refused', 'Completed')
        $results[1].Row | Should -Be 2
        $results[1].Reason | Should -BeLike 'row 2: `[TargetVolumeLargeEnough`]*'
        Should -Invoke Restore-RdsInstance -Times 0 -ParameterFilter { $TargetInstanceId -eq 'small' }
        Should -Invoke Restore-RdsInstance -Times 2 -Exactly
    }

    It 'passes -Force (unattended), and the row''s backup, time and map' {
        $plan = New-Plan 'src1,tgt1,bk1,,', 'src2,tgt2,,2026-11-27T08:00:00Z,', 'sq1,sq2,bk9,,"{""sales"":""sales_copy""}"'
        $results = @(& $Runbook -PlanPath $plan -Confirm:$false)
        $results.Outcome | Should -Be @('Completed', 'Completed', 'Completed')
        Should -Invoke Restore-RdsInstance -Times 1 -Exactly -ParameterFilter { $BackupId -eq 'bk1' -and $null -eq $RestoreTime -and $Force }
        Should -Invoke Restore-RdsInstance -Times 1 -Exactly -ParameterFilter { -not $BackupId -and $RestoreTime -eq [DateTimeOffset]'2026-11-27T08:00:00Z' }
        Should -Invoke Restore-RdsInstance -Times 1 -Exactly -ParameterFilter { $null -ne $DatabaseName -and $DatabaseName['sales'] -eq 'sales_copy' }
    }

    It 'a failed job is Failed with the service''s reason' {
        $plan = New-Plan 'src1,doomed,bk1,,', 'src1,tgt1,bk1,,'
        $results = @(& $Runbook -PlanPath $plan -Confirm:$false)
        $results[0].Outcome | Should -Be 'Failed'
        $results[0].Reason | Should -Be 'row 1: disk full'
        $results[1].Outcome | Should -Be 'Completed'
    }

    It 'a job still running at -Timeout is StillRunning with the waiting error''s message' {
        Mock Wait-RdsRestoreJob {
            $j = [RdsRecovery.Model.RdsRestoreJob]@{ JobId = $Job[0].JobId; TargetInstanceId = $Job[0].TargetInstanceId; Status = 'Running'; Progress = '40%' }
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                [TimeoutException]::new("Stopped waiting for restore job $($j.JobId). The restore goes on."), 'RestoreJobWaitTimeout', 'OperationTimeout', $j))
            $j
        }
        $results = @(& $Runbook -PlanPath (New-Plan 'src1,tgt1,bk1,,') -Confirm:$false -Timeout '00:00:01')
        $results[0].Outcome | Should -Be 'StillRunning'
        $results[0].Reason | Should -BeLike '*The restore goes on*'
        Should -Invoke Wait-RdsRestoreJob -Times 1 -Exactly -ParameterFilter { $Timeout -eq [TimeSpan]::FromSeconds(1) }
    }

    It 'a row the service refuses is NotSubmitted with the error id, and the others are still waited for' {
        Mock Restore-RdsInstance -ParameterFilter { $TargetInstanceId -eq 'busy' } {
            throw [System.Management.Automation.ErrorRecord]::new([InvalidOperationException]::new('HTTP 409 DBS.200011: Another operation is being performed'), 'RdsResourceBusy', 'ResourceBusy', $null)
        }
        $results = @(& $Runbook -PlanPath (New-Plan 'src1,busy,bk1,,', 'src1,tgt1,bk1,,') -Confirm:$false)
        $results[0].Outcome | Should -Be 'NotSubmitted'
        $results[0].Reason | Should -BeLike 'row 1: `[RdsResourceBusy`]*DBS.200011*'
        $results[1].Outcome | Should -Be 'Completed'
    }

    It 'a row that cannot be checked is Invalid, with the error id' {
        Mock Test-RdsRestoreCompatibility -ParameterFilter { $SourceInstanceId -eq 'ghost' } {
            throw [System.Management.Automation.ErrorRecord]::new([Exception]::new('Instance ghost was not found.'), 'InstanceNotFound', 'ObjectNotFound', 'ghost')
        }
        $results = @(& $Runbook -PlanPath (New-Plan 'ghost,tgt1,bk1,,') -Confirm:$false)
        $results[0].Outcome | Should -Be 'Invalid'
        $results[0].Reason | Should -BeLike '*`[InstanceNotFound`]*'
        Should -Invoke Restore-RdsInstance -Times 0
        Should -Invoke Wait-RdsRestoreJob -Times 0
    }

    It '-WhatIf checks every row but restores nothing' {
        $results = @(& $Runbook -PlanPath (New-Plan 'src1,tgt1,bk1,,', 'src1,small,bk1,,') -WhatIf)
        $results.Outcome | Should -Be @('Skipped', 'Refused')
        Should -Invoke Test-RdsRestoreCompatibility -Times 2 -Exactly
        Should -Invoke Restore-RdsInstance -Times 0
    }

    It 'passes -Connection through to every cmdlet' {
        # A real connection object: with -SkipValidation Connect-RdsAccount makes no request, so nothing needs to listen there.
        $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
        $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint 'http://127.0.0.1:9' -ProjectId '0123456789abcdef0123456789abcdef' -AccessKey 'TESTACCESSKEY' -SecretKey $secret -SkipValidation -PassThru
        Disconnect-RdsAccount
        & $Runbook -PlanPath (New-Plan 'src1,tgt1,bk1,,') -Connection $connection -Confirm:$false | Out-Null
        Should -Invoke Test-RdsRestoreCompatibility -Times 1 -Exactly -ParameterFilter { $null -ne $Connection }
        Should -Invoke Restore-RdsInstance -Times 1 -Exactly -ParameterFilter { $null -ne $Connection }
        Should -Invoke Wait-RdsRestoreJob -Times 1 -Exactly -ParameterFilter { $null -ne $Connection }
    }
}
