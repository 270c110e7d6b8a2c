<#
.SYNOPSIS
    The cost of one restore's journal work against the journal's size: reading the last two days for the target (what
    the compatibility check does) and appending the Sending and Submitted lines. Cases: 10 entries; 100,000 older
    entries (a journal of years, as the module kept before rotation) plus 10 recent; 10 recent entries behind a
    damaged line of -DamagedMegabytes. For comparison, the same reads done as before issue 9 (the whole file parsed).
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [int] $Iterations = 20,
    [int] $OldEntries = 100000,
    [int] $DamagedMegabytes = 50
)
$ErrorActionPreference = 'Stop'
Add-Type -Path (Join-Path (Resolve-Path $ModulePath).Path 'RdsRecovery.Core.dll')
$folder = Join-Path ([IO.Path]::GetTempPath()) "rds-journal-bench-$PID"
New-Item -ItemType Directory -Path $folder -Force | Out-Null
$now = [DateTimeOffset]::UtcNow
$target = '4914c00a2e0baf9b9ca17102de91cf21in01'
$body = '{"source":{"instance_id":"7b63b40ca1c07d188407e3c64ee772bdin01","type":"backup","backup_id":"5cd7d817e2c03ebe01e1afd83b618862br01"},"target":{"instance_id":"4914c00a2e0baf9b9ca17102de91cf21in01"}}'

function New-Line([DateTimeOffset] $Time, [int] $I) {
    '{"time":"' + $Time.ToString('o') + '","phase":"Submitted","attemptId":"a' + $I + '","user":"bench","machine":"m","processId":1,' +
    '"endpoint":"http://127.0.0.1:1/","projectId":"p","sourceInstanceId":"s","targetInstanceId":"' + $target + '","backupId":"b",' +
    '"body":' + ($body | ConvertTo-Json) + ',"jobId":"job' + $I + '"}'
}

function New-Journal([string] $Name, [int] $Old, [int] $DamagedMb) {
    $path = Join-Path $folder "$Name.jsonl"
    $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
    try {
        # Old entries: one every few minutes, ending three days ago (outside the two-day look-back).
        for ($i = 0; $i -lt $Old; $i++) { $writer.Write((New-Line $now.AddDays(-3).AddMinutes(-5 * ($Old - $i)) $i) + "`n") }
        if ($DamagedMb) { $writer.Write(('x' * 1MB) * $DamagedMb + "`n") }
        for ($i = 0; $i -lt 10; $i++) { $writer.Write((New-Line $now.AddMinutes(-10 + $i) (1000000 + $i)) + "`n") }
    }
    finally { $writer.Dispose() }
    $path
}

# As before issue 9: every line of the file parsed, then filtered.
function Read-Whole([string] $Path) {
    $options = [Text.Json.JsonSerializerOptions]::new()
    $options.Converters.Add([Text.Json.Serialization.JsonStringEnumConverter]::new())
    $count = 0
    foreach ($line in [IO.File]::ReadLines($Path)) {
        try { $e = [Text.Json.JsonSerializer]::Deserialize[RdsRecovery.Journal.RestoreJournalEntry]($line, $options) } catch { continue }
        if ($e -and $e.Time -ge $now.AddDays(-2) -and $e.TargetInstanceId -eq $target) { $count++ }
    }
    $count
}

function Measure-Median([scriptblock] $Work) {
    & $Work | Out-Null   # warm-up
    $times = foreach ($i in 1..$Iterations) { $w = [Diagnostics.Stopwatch]::StartNew(); & $Work | Out-Null; $w.Elapsed.TotalMilliseconds }
    ($times | Sort-Object)[[int]($Iterations / 2)]
}

try {
    $cases = [ordered]@{
        '10 entries'                                      = New-Journal 'ten' 0 0
        "$OldEntries older entries + 10 recent"           = New-Journal 'old' $OldEntries 0
        "10 recent behind a $DamagedMegabytes MB damaged line" = New-Journal 'damaged' 0 $DamagedMegabytes
    }
    foreach ($name in $cases.Keys) {
        $path = $cases[$name]
        $sizeMb = (Get-Item $path).Length / 1MB
        $journal = [RdsRecovery.Journal.RestoreJournal]::new($path)
        # Appends grow the file: a rotation limit above it keeps every case at its size while it is measured.
        $journal.RotateBytes = [long]::MaxValue
        $read = Measure-Median { @($journal.NewestFirst($now.AddDays(-2)) | Where-Object TargetInstanceId -EQ $target).Count }
        $found = @($journal.NewestFirst($now.AddDays(-2)) | Where-Object TargetInstanceId -EQ $target).Count
        $entry = [RdsRecovery.Journal.RestoreJournalEntry]@{ Time = [DateTimeOffset]::UtcNow; AttemptId = 'bench'; TargetInstanceId = $target; Body = $body }
        $append = Measure-Median { $journal.Append($entry) }
        $whole = if ($Iterations -gt 0) { $w = [Diagnostics.Stopwatch]::StartNew(); $null = Read-Whole $path; $w.Elapsed.TotalMilliseconds }
        '{0,-44} {1,8:N1} MB  read back 2 days: {2,7:N2} ms ({3} found)  append: {4,6:N2} ms  whole-file read as before: {5,9:N0} ms' -f `
            $name, $sizeMb, $read, $found, $append, $whole
    }
}
finally {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
