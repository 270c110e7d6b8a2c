# One verdict: the client's rules (Test-RdsRestoreCompatibility, by id) and the emulator (Restore-RdsInstance
# -SkipCompatibilityCheck) judge every seeded source/target pair alike, from a backup and from a point in time,
# with and without SQL Server database maps, under both rule profiles (Seed over v3, V31 over v3.1).
# A NotChecked rule agrees with either answer when it is a rule the emulator's refusal belongs to.
# Speed: one emulator and one process; the client checks of a profile run as one pipeline on the seeded state;
# restores the client refuses run as one pipeline too (a refusal changes nothing), the others one by one, with a
# reset after each one the emulator accepts, so every case meets the seeded state.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    . (Join-Path $PSScriptRoot 'EndToEnd.Sweep.Helpers.ps1')
    Start-EndToEnd -Name sweep
    $script:Http = [System.Net.Http.HttpClient]::new()
    $script:ResetUri = $Emulator.BaseUri.TrimEnd('/') + '/_emulator/reset'
    # The journal is written twice per restore; on a memory file system where there is one (durability is not under test here).
    $script:JournalDir = if (Test-Path /dev/shm) { '/dev/shm' } else { [IO.Path]::GetTempPath() }

    $fleet = Get-SweepFleet
    $script:Cases = @(New-SweepCases -Fleet $fleet -RestoreTime ([DateTimeOffset]::UtcNow.AddHours(-1)))
    $script:Results = @{}
    foreach ($profile in 'Seed', 'V31') {
        $script:Results[$profile] = Invoke-Sweep -Cases $Cases -Profile $profile
    }
}

AfterAll {
    if ($script:Http) { $script:Http.Dispose() }
    Stop-EndToEnd
}

Describe 'One verdict from the client and the emulator' {
    It 'covers every pair of the <Count> seeded instances, both modes, with and without maps' -ForEach @(@{ Count = 40 }) {
        $pairs = @($Cases | ForEach-Object { "$($_.Source.Name)>$($_.Target.Name)" } | Sort-Object -Unique)
        $pairs.Count | Should -Be ($Count * $Count)
        foreach ($mode in 'Backup', 'PointInTime') {
            @($Cases | Where-Object { $_.Mode -eq $mode -and -not $_.Map }).Count | Should -Be ($Count * $Count)
            @($Cases | Where-Object { $_.Mode -eq $mode -and $_.Map }).Count | Should -BeGreaterThan 400
        }
        $variants = @($Cases | Where-Object Variant | ForEach-Object Variant | Sort-Object -Unique)
        foreach ($variant in 'Rename', 'KeepOriginal', 'ClashOnTarget', 'ReservedWord', 'Hyphen', 'SeveralNames', 'UnknownDatabase', 'NotSqlServer') {
            $variants | Should -Contain $variant
        }
    }

    It 'agrees on every case under rule profile <_>' -ForEach 'Seed', 'V31' {
        $result = $Results[$_]
        $result.Checked | Should -Be $Cases.Count
        $shown = $result.Disagreements | Select-Object -First 15 | ForEach-Object { "`n  $_" }
        $result.Disagreements.Count | Should -Be 0 -Because "client and emulator must agree:$shown"
    }

    It 'both accept and both refuse, under rule profile <_>' -ForEach 'Seed', 'V31' {
        $Results[$_].Accepted | Should -BeGreaterThan 50
        $Results[$_].Refused | Should -BeGreaterThan 50
    }

    It 'makes every instance and map rule of <Profile> fail at least once' -ForEach @(
        @{ Profile = 'Seed'; Rules = 'SameEngine', 'SameVersion', 'SqlServerVersionAllowed', 'TargetVolumeLargeEnough', 'SameRegion',
            'DatabaseMapOnlyForSqlServer', 'DatabaseNameAllowed', 'DatabaseNameNotInUse', 'DatabaseToRestoreExists' }
        @{ Profile = 'V31'; Rules = 'SameEngine', 'SameVersion', 'SqlServerVersionAllowed', 'TargetVolumeLargeEnough', 'SameRegion',
            'SameTimeZone', 'SourceAsTargetAllowed', 'TargetNotInDisasterRecovery',
            'DatabaseMapOnlyForSqlServer', 'DatabaseNameAllowed', 'DatabaseNameNotInUse', 'DatabaseToRestoreExists' }
    ) {
        foreach ($rule in $Rules) { $Results[$Profile].FailedRules | Should -Contain $rule }
    }

    It 'settles the seed''s case: a database kept under its original name into a target that holds it is refused by both' {
        foreach ($profile in 'Seed', 'V31') {
            $kept = @($Results[$profile].Outcomes | Where-Object { $_.Case.Variant -eq 'KeepOriginal' -and $_.Case.TargetHoldsKept })
            $kept.Count | Should -BeGreaterThan 0
            @($kept | Where-Object { $_.Case.Source.Id -ne $_.Case.Target.Id }).Count | Should -BeGreaterThan 0 -Because 'another instance holding the name counts too'
            $kept | ForEach-Object { "$($_.Client)/$($_.Service)" } | Sort-Object -Unique | Should -Be 'Refuse/Refuse'
        }
    }
}
