<#
.SYNOPSIS
    The cost of signed Get-RdsRestoreJob calls through the module versus raw signed HttpClient requests to the
    same endpoint, in one pwsh process, against a local emulator.

.DESCRIPTION
    Starts the emulator (tools/RdsEmulator.psm1) with its own data file, connects, submits one restore that is
    arranged to stay Running (so every query answers the same), then runs, in alternating rounds:
      raw       N sequential GET /v3/{project_id}/jobs?id=... from C# (compiled here with Add-Type): one HttpClient,
                each request signed with RdsRecovery.Auth.SdkHmacSha256Signer (host, x-project-id, x-sdk-date),
                the body read as a string;
      raw+inst  the same plus GET /instances?id={target} per call: the two requests Get-RdsRestoreJob makes;
      pipeline  N job ids piped into one Get-RdsRestoreJob;
      loop      N separate Get-RdsRestoreJob -JobId calls in a foreach loop.
    Prints each round and the medians, and the ratios to 'raw'. Not part of the test run.

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/client/Measure-ClientCost.ps1 -Count 1000 -Rounds 3
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/RdsRecovery'),
    [int] $Count = 1000,
    [int] $Rounds = 3,
    [int] $Warmup = 100
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force
$coreDll = Join-Path (Get-Module RdsRecovery).ModuleBase 'RdsRecovery.Core.dll'

Add-Type -ReferencedAssemblies $coreDll, 'System.Net.Http', 'System.Net.Primitives', 'System.Runtime', 'System.Collections', 'System.Linq', 'netstandard' -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using RdsRecovery.Auth;

public static class RawSignedJobQuery
{
    private static readonly string[] Signed = { "host", "x-project-id" };

    // Sequential signed GETs of each uri in turn, count times; returns the elapsed milliseconds.
    public static double Run(Uri[] uris, string projectId, string accessKey, string secretKey, int count)
    {
        using (var http = new HttpClient())
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                foreach (var uri in uris)
                {
                    var date = SdkHmacSha256Signer.FormatSdkDate(DateTimeOffset.UtcNow);
                    var headers = new List<KeyValuePair<string, string>>
                    {
                        new KeyValuePair<string, string>("X-Sdk-Date", date),
                        new KeyValuePair<string, string>("X-Project-Id", projectId),
                    };
                    var authorization = SdkHmacSha256Signer.Sign("GET", uri, headers, Signed, null, accessKey, secretKey);
                    using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
                    {
                        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
                        request.Headers.TryAddWithoutValidation("X-Project-Id", projectId);
                        request.Headers.TryAddWithoutValidation("Authorization", authorization);
                        using (var response = http.SendAsync(request).GetAwaiter().GetResult())
                        {
                            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                            if (!response.IsSuccessStatusCode) throw new InvalidOperationException("HTTP " + (int)response.StatusCode + ": " + body);
                        }
                    }
                }
            }
            return watch.Elapsed.TotalMilliseconds;
        }
    }
}
'@

$savedJournal = $env:RDSRECOVERY_JOURNAL
$env:RDSRECOVERY_JOURNAL = Join-Path ([IO.Path]::GetTempPath()) "rds-bench-journal-$PID.jsonl"
$emulator = Start-RdsTestEmulator -JobInvisibleMs 0 -JobDurationMs 3600000
try {
    $secret = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    Connect-RdsAccount -Region cn-north-4 -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secret
    $job = Restore-RdsInstance -SourceInstanceId 7b63b40ca1c07d188407e3c64ee772bdin01 -TargetInstanceId 4914c00a2e0baf9b9ca17102de91cf21in01 `
        -BackupId 5cd7d817e2c03ebe01e1afd83b618862br01 -Force
    $base = $emulator.BaseUri.TrimEnd('/')
    $jobUri = [Uri] "$base/v3/$($emulator.ProjectId)/jobs?id=$($job.JobId)"
    $instanceUri = [Uri] "$base/v3/$($emulator.ProjectId)/instances?id=$($job.TargetInstanceId)"
    $ids = @($job.JobId) * $Count
    if ((Get-RdsRestoreJob -JobId $job.JobId).Status -ne 'Running') { throw 'The benchmark job is not Running.' }

    $cases = [ordered]@{
        'raw'      = { [RawSignedJobQuery]::Run(@($jobUri), $emulator.ProjectId, $emulator.AccessKey, $emulator.SecretKey, $Count) }
        'raw+inst' = { [RawSignedJobQuery]::Run(@($jobUri, $instanceUri), $emulator.ProjectId, $emulator.AccessKey, $emulator.SecretKey, $Count) }
        'pipeline' = { (Measure-Command { $ids | Get-RdsRestoreJob | Out-Null }).TotalMilliseconds }
        'loop'     = { (Measure-Command { foreach ($id in $ids) { Get-RdsRestoreJob -JobId $id | Out-Null } }).TotalMilliseconds }
    }
    # Warm up every path (JIT, connection pool, emulator caches).
    [RawSignedJobQuery]::Run(@($jobUri, $instanceUri), $emulator.ProjectId, $emulator.AccessKey, $emulator.SecretKey, $Warmup) | Out-Null
    foreach ($id in (@($job.JobId) * $Warmup)) { Get-RdsRestoreJob -JobId $id | Out-Null }
    @($job.JobId) * $Warmup | Get-RdsRestoreJob | Out-Null

    $times = @{}
    foreach ($name in $cases.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $Rounds; $round++) {
        foreach ($name in $cases.Keys) {
            Invoke-RdsEmulatorAdmin $emulator -Path requests -Method DELETE | Out-Null
            $ms = & $cases[$name]
            $times[$name].Add($ms)
            Write-Host ("round {0} {1,-9} {2,8:N0} ms for {3} calls ({4:N3} ms per call)" -f $round, $name, $ms, $Count, ($ms / $Count))
        }
    }
    $median = @{}
    foreach ($name in $cases.Keys) { $sorted = $times[$name] | Sort-Object; $median[$name] = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)] }
    Write-Host ''
    Write-Host "Medians over $Rounds rounds of $Count sequential calls:"
    foreach ($name in $cases.Keys) {
        Write-Host ("  {0,-9} {1,8:N0} ms  {2,6:N3} ms/call  {3,5:N2}x raw  {4,5:N2}x raw+inst" -f $name, $median[$name], ($median[$name] / $Count),
            ($median[$name] / $median['raw']), ($median[$name] / $median['raw+inst']))
    }
    # Requests the module made per Get-RdsRestoreJob (counted in the emulator's request log of the last round).
    Invoke-RdsEmulatorAdmin $emulator -Path requests -Method DELETE | Out-Null
    $ids[0..9] | Get-RdsRestoreJob | Out-Null
    $log = (Invoke-RdsEmulatorAdmin $emulator -Path requests).requests
    Write-Host ("Requests per Get-RdsRestoreJob: {0:N1} ({1})" -f ($log.Count / 10), (($log | Group-Object { ($_.path -split '\?')[0] -replace '^/v3/[^/]+', '' } | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '))
}
finally {
    Disconnect-RdsAccount
    $emulator | Stop-RdsTestEmulator
    Remove-Item $env:RDSRECOVERY_JOURNAL -ErrorAction SilentlyContinue
    $env:RDSRECOVERY_JOURNAL = $savedJournal
}
