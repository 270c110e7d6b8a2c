# The sweep's cases and runner (EndToEnd.Sweep.Tests.ps1). Dot-sourced after EndToEnd.Helpers.ps1 and Start-EndToEnd.

# The rules an emulator refusal belongs to, by its error_code: a client NotChecked on one of them agrees with it.
$script:RulesOfCode = @{
    'DBS.200040' = 'KnownEngine', 'SameEngine'
    'DBS.201207' = 'SameVersion', 'SqlServerVersionAllowed'
    'DBS.280001' = @('TargetVolumeLargeEnough')
    'DBS.200001' = 'SameRegion', 'SameTimeZone', 'SourceAsTargetAllowed', 'TargetNotInDisasterRecovery',
        'DatabaseMapOnlyForSqlServer', 'DatabaseNameAllowed', 'DatabaseNameNotInUse'
    'DBS.201035' = @('DatabaseNameNotInUse')
    'DBS.280128' = @('DatabaseToRestoreExists')
    'DBS.200011' = @('TargetNotBusy')
    'DBS.201203' = @('RestoreTimeInWindow')
    'DBS.280214' = 'BackupCompleted', 'BackupBelongsToSource'
    'DBS.201205' = @('BackupCompleted')
}

# Every seeded instance: id, name, engine, its newest COMPLETED backup and (SQL Server) its user databases.
function Get-SweepFleet {
    $system = 'master', 'model', 'msdb', 'tempdb', 'rdsadmin'
    foreach ($i in (Invoke-RdsEmulatorAdmin $Emulator -Path instances).instances) {
        $databases = if ($i.engine -eq 'SQLServer') {
            @(Get-RdsSqlServerDatabase -InstanceId $i.id | Where-Object Name -NotIn $system | ForEach-Object Name)
        } else { @() }
        [pscustomobject]@{
            Id        = $i.id
            Name      = $i.name
            Engine    = $i.engine
            BackupId  = @($i.backups | Where-Object status -EQ 'COMPLETED')[0].id
            Databases = @($databases)
        }
    }
}

# The maps tried on a SQL Server pair, by name; a pair gets one of them per profile and mode, in turn.
function New-SweepMap([string] $Variant, $Source, $Target) {
    $db = $Source.Databases[0]
    switch ($Variant) {
        'Rename'          { [ordered]@{ $db = "${db}_copy" } }
        'KeepOriginal'    { [ordered]@{ $db = '' } }
        'ClashOnTarget'   { [ordered]@{ $db = $Target.Databases[0] } }
        'ReservedWord'    { [ordered]@{ $db = "${db}_msdb" } }
        'Hyphen'          { [ordered]@{ $db = "$db-copy" } }
        'SeveralNames'    { [ordered]@{ $db = "${db}_a,${db}_b" } }
        'UnknownDatabase' { [ordered]@{ nosuchdb = 'nosuchdb_copy' } }
    }
}

function New-SweepCases($Fleet, [DateTimeOffset] $RestoreTime) {
    $sqlVariants = 'Rename', 'KeepOriginal', 'ClashOnTarget', 'ReservedWord', 'Hyphen', 'SeveralNames', 'UnknownDatabase'
    $k = 0
    foreach ($source in $Fleet) {
        foreach ($target in $Fleet) {
            $k++
            foreach ($mode in 'Backup', 'PointInTime') {
                $point = if ($mode -eq 'Backup') { @{ BackupId = $source.BackupId } } else { @{ RestoreTime = $RestoreTime } }
                [pscustomobject]@{ Source = $source; Target = $target; Mode = $mode; Point = $point; Map = $null; Variant = $null; TargetHoldsKept = $false }
                $variant = $null
                if ($source.Engine -eq 'SQLServer' -and $target.Engine -eq 'SQLServer') {
                    $variant = $sqlVariants[($k + [int]($mode -eq 'Backup')) % $sqlVariants.Count]
                }
                elseif ($source.Engine -ne 'SQLServer' -and $source.Engine -eq $target.Engine -and $mode -eq 'Backup') {
                    $variant = 'NotSqlServer'
                }
                $holdsKept = $source.Engine -eq 'SQLServer' -and $target.Databases -contains $source.Databases[0]
                # The seed's disputed case runs on every pair where it can happen, whatever the rotation gives.
                $variants = @($variant) + @(if ($holdsKept -and $variant -ne 'KeepOriginal') { 'KeepOriginal' }) | Where-Object { $_ }
                foreach ($v in $variants) {
                    $map = if ($v -eq 'NotSqlServer') { [ordered]@{ anydb = 'anydb_copy' } } else { New-SweepMap $v $source $target }
                    [pscustomobject]@{
                        Source = $source; Target = $target; Mode = $mode; Point = $point; Map = $map; Variant = $v
                        TargetHoldsKept = $v -eq 'KeepOriginal' -and $holdsKept
                    }
                }
            }
        }
    }
}

# The case as pipeline input of Restore-RdsInstance and Test-RdsRestoreCompatibility.
function ConvertTo-SweepInput($Case) {
    $row = [ordered]@{ SourceInstanceId = $Case.Source.Id; TargetInstanceId = $Case.Target.Id }
    foreach ($key in $Case.Point.Keys) { $row[$key] = $Case.Point[$key] }
    if ($Case.Map) { $row.DatabaseName = $Case.Map }
    [pscustomobject]$row
}

function Reset-SweepEmulator { $Http.PostAsync($ResetUri, $null).GetAwaiter().GetResult().Dispose() }

# 'Accept', or 'Refuse:<error_code>' (any other error is shown as it is).
function Get-ServiceAnswer($Output) {
    if ($Output -is [System.Management.Automation.ErrorRecord]) {
        $code = $Output.Exception.ErrorCode
        if ($code) { "Refuse:$code" } else { "Error:$(($Output.FullyQualifiedErrorId -split ',')[0]): $($Output.Exception.Message)" }
    }
    elseif ($Output.JobId) { 'Accept' }
    else { "Unexpected:$Output" }
}

function Invoke-Sweep($Cases, [string] $Profile) {
    $version = if ($Profile -eq 'V31') { 'v3.1' } else { 'v3' }
    $env:RDSRECOVERY_JOURNAL = Join-Path $JournalDir "rds-sweep-$Profile-$PID-$([guid]::NewGuid().ToString('N')).jsonl"
    Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId `
        -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -ApiVersion $version
    Reset-SweepEmulator

    # The client's verdict on the seeded state, in one pipeline.
    $inputs = @($Cases | ForEach-Object { ConvertTo-SweepInput $_ })
    $reports = @($inputs | Test-RdsRestoreCompatibility -ErrorAction Stop)
    if ($reports.Count -ne $Cases.Count) { throw "Test-RdsRestoreCompatibility gave $($reports.Count) reports for $($Cases.Count) cases." }

    # The emulator's answer: refusals foreseen by the client in one pipeline, the rest one by one with a reset after each acceptance.
    $answers = [string[]]::new($Cases.Count)
    $foreseen = @(0..($Cases.Count - 1) | Where-Object { -not $reports[$_].IsCompatible })
    $outputs = @($foreseen | ForEach-Object { $inputs[$_] } |
        Restore-RdsInstance -SkipCompatibilityCheck -Force -ErrorAction Continue -WarningAction SilentlyContinue 2>&1)
    if ($outputs.Count -ne $foreseen.Count) { throw "Restore-RdsInstance answered $($outputs.Count) times for $($foreseen.Count) restores." }
    for ($n = 0; $n -lt $foreseen.Count; $n++) { $answers[$foreseen[$n]] = Get-ServiceAnswer $outputs[$n] }
    # A refusal the client foresaw but the emulator accepted has left a job behind: start the rest from the seed.
    if ($answers -contains 'Accept') { Reset-SweepEmulator }
    for ($n = 0; $n -lt $Cases.Count; $n++) {
        if ($answers[$n]) { continue }
        $output = @($inputs[$n] | Restore-RdsInstance -SkipCompatibilityCheck -Force -ErrorAction Continue -WarningAction SilentlyContinue 2>&1)[0]
        $answers[$n] = Get-ServiceAnswer $output
        if ($answers[$n] -eq 'Accept') { Reset-SweepEmulator }
    }

    $outcomes = for ($n = 0; $n -lt $Cases.Count; $n++) {
        $report = $reports[$n]
        $service = if ($answers[$n] -eq 'Accept') { 'Accept' } elseif ($answers[$n] -like 'Refuse:*') { 'Refuse' } else { $answers[$n] }
        $client = if (-not $report.IsCompatible) { 'Refuse' } else { 'Accept' }
        $agrees = $client -eq $service
        if (-not $agrees -and $client -eq 'Accept' -and $service -eq 'Refuse') {
            # A NotChecked rule the refusal belongs to agrees with it.
            $rules = $RulesOfCode[$answers[$n].Substring('Refuse:'.Length)]
            $agrees = @($report.NotCheckedRules | Where-Object { $rules -contains $_.RuleId }).Count -gt 0
        }
        [pscustomobject]@{
            Case = $Cases[$n]; Client = $client; Service = $service; Answer = $answers[$n]; Agrees = $agrees
            Failed = @($report.FailedRules | ForEach-Object RuleId); Profile = $report.RuleProfile
        }
    }
    $disagreements = @($outcomes | Where-Object { -not $_.Agrees } | ForEach-Object {
            $c = $_.Case
            $map = if ($c.Map) { ' map ' + ($c.Map | ConvertTo-Json -Compress) } else { '' }
            "$($c.Source.Name) -> $($c.Target.Name) ($($c.Mode)$map): client $($_.Client) [$($_.Failed -join ', ')], emulator $($_.Answer)"
        })
    $wrongProfile = @($outcomes | Where-Object { "$($_.Profile)" -ne $Profile })
    if ($wrongProfile.Count -gt 0) { throw "Reports under profile $($wrongProfile[0].Profile), expected $Profile." }
    Remove-Item -LiteralPath $env:RDSRECOVERY_JOURNAL -ErrorAction Ignore
    [pscustomobject]@{
        Checked       = @($outcomes).Count
        Accepted      = @($outcomes | Where-Object { $_.Service -eq 'Accept' }).Count
        Refused       = @($outcomes | Where-Object { $_.Service -eq 'Refuse' }).Count
        Disagreements = $disagreements
        FailedRules   = @($outcomes | ForEach-Object Failed | Sort-Object -Unique)
        Outcomes      = $outcomes
    }
}
