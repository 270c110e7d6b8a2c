<#
.SYNOPSIS
    Restores what a CSV plan lists: checks every row first, restores the compatible ones, waits for all of them
    at once, and reports one result per row.

.DESCRIPTION
    A small runbook built on the RdsRecovery module. The plan is a CSV file with these columns (snake_case as the
    API spells them, or PascalCase as the cmdlets' parameters; either works):

        source_instance_id   SourceInstanceId   the instance the data comes from (its id or exact name)
        target_instance_id   TargetInstanceId   the instance whose data is overwritten (the source to restore it into itself)
        backup_id            BackupId           the backup to restore, or blank for a point in time
        restore_time         RestoreTime        a point in time with its zone (2026-11-27T08:00:00Z or ...+08:00), or blank
        database_name        DatabaseName       optional, SQL Server only: a JSON map of old to new names, e.g. {"sales":"sales_copy"}

    Each row is checked with Test-RdsRestoreCompatibility (reads only). A row that fails a rule, or names
    something that does not exist, is reported and skipped; the others go on. The compatible rows are restored
    without prompting (the script itself asks once per row, unless -Confirm:$false), then waited for together.
    Nothing is retried: a restore whose outcome is unknown is reported, never sent twice.

    Every result has Row (1 = the first data row), SourceInstanceId, TargetInstanceId, BackupId, RestoreTime,
    Outcome, JobId and Reason. Outcome is one of:
        Completed      the job completed and the target is ACTIVE again
        Refused        a compatibility rule failed (Reason names each rule id); nothing was sent
        Invalid        the row cannot be checked (bad id, unknown instance or backup, no zone on the time, ...)
        NotSubmitted   the restore was refused by the service or its outcome is unknown (Reason says which)
        Failed         the job failed (Reason is the service's fail_reason)
        StillRunning   -Timeout passed; the restore goes on (Reason says how to resume waiting)
        Skipped        -WhatIf, or the confirmation was declined

.EXAMPLE
    Connect-RdsAccount -Region cn-north-4
    ./Restore-FromPlan.ps1 -PlanPath ./plan.csv -Confirm:$false | Format-Table Row, TargetInstanceId, Outcome, Reason

.EXAMPLE
    ./Restore-FromPlan.ps1 -PlanPath ./plan.csv -WhatIf     # check every row, restore nothing
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [Parameter(Mandatory)] [string] $PlanPath,
    # A connection from Connect-RdsAccount -PassThru; the session's default connection when omitted.
    # (Untyped so the script parses before the module is loaded; the cmdlets check its type.)
    $Connection,
    # How long to wait for all restores together; they go on after it.
    [TimeSpan] $Timeout = [TimeSpan]::FromHours(1),
    [TimeSpan] $PollInterval = [TimeSpan]::FromSeconds(10)
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$common = @{}
if ($Connection) { $common.Connection = $Connection }

function New-Result($Row, $Plan, [string] $Outcome, [string] $Reason, [string] $JobId) {
    [pscustomobject]@{
        PSTypeName       = 'RestoreFromPlan.Result'
        Row              = $Row
        SourceInstanceId = $Plan.SourceInstanceId
        TargetInstanceId = $Plan.TargetInstanceId
        BackupId         = $Plan.BackupId
        RestoreTime      = $Plan.RestoreTime
        Outcome          = $Outcome
        JobId            = $JobId
        Reason           = $Reason
    }
}

# The parameters of one plan row; blank cells are not given. Each column may be spelled snake_case or PascalCase.
function ConvertTo-RestoreParameters($Line) {
    $names = $Line.PSObject.Properties.Name
    $cell = {
        param([string[]] $spellings)
        foreach ($name in $spellings) {
            if ($names -contains $name -and -not [string]::IsNullOrWhiteSpace($Line.$name)) { return $Line.$name.Trim() }
        }
    }
    $parameters = @{ SourceInstanceId = & $cell 'source_instance_id', 'SourceInstanceId'; TargetInstanceId = & $cell 'target_instance_id', 'TargetInstanceId' }
    if ($backup = & $cell 'backup_id', 'BackupId') { $parameters.BackupId = $backup }
    if ($time = & $cell 'restore_time', 'RestoreTime') { $parameters.RestoreTime = $time }
    if ($map = & $cell 'database_name', 'DatabaseName') {
        # An ordered hashtable, not the object ConvertFrom-Json gives: the module accepts both, but a Pester mock of
        # Restore-RdsInstance loses the module's argument transformation and would accept only a dictionary.
        $parameters.DatabaseName = [ordered]@{}
        foreach ($property in ($map | ConvertFrom-Json).PSObject.Properties) { $parameters.DatabaseName[$property.Name] = [string] $property.Value }
    }
    $parameters
}

$rows = @(Import-Csv -LiteralPath $PlanPath)
$results = [object[]]::new($rows.Count)   # [row - 1] -> result
$submitted = [ordered]@{}      # job id -> row number
$plans = @{}                   # row number -> what the row asks
$accepted = @{}                # job id -> the job Restore-RdsInstance returned

for ($i = 0; $i -lt $rows.Count; $i++) {
    $row = $i + 1
    $parameters = $null
    try {
        $parameters = ConvertTo-RestoreParameters $rows[$i]
        $plans[$row] = [pscustomobject]@{
            SourceInstanceId = $parameters.SourceInstanceId; TargetInstanceId = $parameters.TargetInstanceId
            BackupId = $parameters['BackupId']; RestoreTime = $parameters['RestoreTime']
        }
        $report = Test-RdsRestoreCompatibility @parameters @common -ErrorAction Stop
    }
    catch {
        if (-not $plans.ContainsKey($row)) { $plans[$row] = [pscustomobject]@{ SourceInstanceId = $null; TargetInstanceId = $null; BackupId = $null; RestoreTime = $null } }
        $id = if ($_.FullyQualifiedErrorId) { $_.FullyQualifiedErrorId.Split(',')[0] } else { 'Error' }
        $results[$row - 1] = New-Result $row $plans[$row] 'Invalid' "row ${row}: [$id] $($_.Exception.Message)"
        continue
    }
    if (-not $report.IsCompatible) {
        $why = ($report.FailedRules | ForEach-Object { "[$($_.RuleId)] $($_.Message)" }) -join ' '
        $results[$row - 1] = New-Result $row $plans[$row] 'Refused' "row ${row}: $why"
        continue
    }
    $what = if ($parameters.ContainsKey('BackupId')) { "backup $($parameters.BackupId)" } elseif ($parameters.ContainsKey('RestoreTime')) { "time $($parameters.RestoreTime)" } else { 'no backup or time' }
    if (-not $PSCmdlet.ShouldProcess("instance $($parameters.TargetInstanceId)", "Restore $what of instance $($parameters.SourceInstanceId) (plan row $row)")) {
        $results[$row - 1] = New-Result $row $plans[$row] 'Skipped' "row ${row}: not restored (-WhatIf or declined)"
        continue
    }
    try {
        $job = Restore-RdsInstance @parameters @common -Force -ErrorAction Stop
        $submitted[$job.JobId] = $row
        $accepted[$job.JobId] = $job     # its ids are resolved (the plan may name instances by name)
        $results[$row - 1] = New-Result $row $plans[$row] 'Submitted' $null $job.JobId
    }
    catch {
        $id = $_.FullyQualifiedErrorId.Split(',')[0]
        $results[$row - 1] = New-Result $row $plans[$row] 'NotSubmitted' "row ${row}: [$id] $($_.Exception.Message)"
    }
}

if ($submitted.Count -gt 0) {
    # The jobs as Restore-RdsInstance returned them: resolved ids, and the submission time that tells
    # Wait-RdsRestoreJob to wait for a job the service does not show yet.
    $jobs = foreach ($jobId in $submitted.Keys) { $accepted[$jobId] }
    $waitErrors = @()
    $finished = @(Wait-RdsRestoreJob -Job @($jobs) -Timeout $Timeout -PollInterval $PollInterval @common -ErrorAction SilentlyContinue -ErrorVariable waitErrors)
    foreach ($job in $finished) {
        if (-not $submitted.Contains($job.JobId)) { continue }
        $row = $submitted[$job.JobId]
        $result = $results[$row - 1]
        $waitError = $waitErrors | Where-Object { $_.TargetObject -is [RdsRecovery.Model.RdsRestoreJob] -and $_.TargetObject.JobId -eq $job.JobId } | Select-Object -First 1
        if ("$($job.Status)" -eq 'Completed' -and -not $waitError) { $result.Outcome = 'Completed'; continue }
        if ("$($job.Status)" -eq 'Failed') {
            $result.Outcome = 'Failed'
            $result.Reason = "row ${row}: $(if ($job.FailReason) { $job.FailReason } else { "$($waitError.Exception.Message)" })"
            continue
        }
        $result.Outcome = 'StillRunning'
        $result.Reason = "row ${row}: $(if ($waitError) { $waitError.Exception.Message } else { "job $($job.JobId) is $($job.Status)" })"
    }
}

$counts = $results | Group-Object Outcome | ForEach-Object { "$($_.Count) $($_.Name)" }
Write-Information "Plan $PlanPath, $($rows.Count) row(s): $($counts -join ', ')."
$results
