# Secrets (issue 6, item 4): a recognisable secret key, security token and IAM token appear in no stream, error
# record, exception message, ToString, ConvertTo-Json, Export-Clixml, transcript or file the module writes, for every
# cmdlet run with -Verbose -Debug, including failures (wrong secret, 500s, a restore whose answer was lost). Each
# secret is searched as plain text and as hex, base64 and UTF-16.
BeforeAll {
    Import-Module $env:RDSRECOVERY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force

    $script:secretKey = 'RelSecretKey-q7Zk2Wv9-leakcanary'
    $script:securityToken = 'RelSecurityToken-Hx3Lp8Ty-leakcanary'
    $script:wrongSecret = 'RelWrongSecret-Bn5Rc1Md-leakcanary'
    $script:bogusIamToken = 'RelBogusIamToken-Vd6Qe4Ns-leakcanary'
    $script:emulator = Start-RdsTestEmulator -JobInvisibleMs 100 -JobDurationMs 400 -ExtraArguments @('--secret-key', $secretKey)
    # A real IAM token of this emulator (its password is the secret key).
    $tokenBody = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"rds-emulator","password":"' + $secretKey +
        '","domain":{"name":"rel-domain"}}}},"scope":{"project":{"id":"' + $emulator.ProjectId + '"}}}}'
    $null = Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)/v3/auth/tokens" -Body $tokenBody -ContentType 'application/json' -ResponseHeadersVariable tokenHeaders
    $script:iamToken = [string] $tokenHeaders['X-Subject-Token'][0]
    $iamToken.Length | Should -BeGreaterThan 15

    $script:workDir = Join-Path ([IO.Path]::GetTempPath()) ('rds-secrets-' + [guid]::NewGuid().ToString('N'))
    $script:scanDir = Join-Path $workDir 'written'   # every file the module or PowerShell writes; scanned whole
    New-Item -ItemType Directory $scanDir -Force | Out-Null
    $script:journal = Join-Path $scanDir 'journal.jsonl'

    # Every secret in every form it could take.
    function Get-SecretForms([string] $Secret) {
        $forms = [ordered]@{ plain = $Secret }
        foreach ($encoding in @([Text.Encoding]::UTF8, [Text.Encoding]::Unicode)) {
            $bytes = $encoding.GetBytes($Secret)
            $hex = [Convert]::ToHexString($bytes)
            $forms["hex-$($encoding.WebName)"] = $hex
            $forms["hexlower-$($encoding.WebName)"] = $hex.ToLowerInvariant()
            $forms["base64-$($encoding.WebName)"] = [Convert]::ToBase64String($bytes)
            $forms["base64url-$($encoding.WebName)"] = [Convert]::ToBase64String($bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        }
        $forms
    }
    $script:secrets = [ordered]@{
        SecretKey = $secretKey; SecurityToken = $securityToken; WrongSecret = $wrongSecret; IamToken = $iamToken; BogusIamToken = $bogusIamToken
    }

    # Leaks found in one text: "<secret>/<form> in <where>".
    function Find-Leak([string] $Text, [string] $Where) {
        if ([string]::IsNullOrEmpty($Text)) { return }
        foreach ($name in $secrets.Keys) {
            $forms = Get-SecretForms $secrets[$name]
            foreach ($form in $forms.Keys) {
                # A base64 form may start mid-alphabet; the middle 20 characters are enough to recognise it.
                $needle = $forms[$form]
                if ($form -like 'base64*' -and $needle.Length -gt 24) { $needle = $needle.Substring(2, 20) }
                if ($Text.IndexOf($needle, [StringComparison]::OrdinalIgnoreCase) -ge 0) { "$name/$form in $Where" }
            }
        }
    }
    function Find-FileLeak([string] $Path) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        Find-Leak ([Text.Encoding]::UTF8.GetString($bytes)) $Path
        Find-Leak ([Text.Encoding]::Unicode.GetString($bytes)) "$Path (read as UTF-16)"
        if ($bytes.Length -gt 1) { Find-Leak ([Text.Encoding]::Unicode.GetString($bytes, 1, $bytes.Length - 1)) "$Path (read as UTF-16, odd)" }
    }

    # The scenario: every cmdlet with -Verbose -Debug, successes and failures. It reads the secrets from the
    # environment so that no secret is part of a command line a transcript could echo.
    $script:scenario = @'
param([string] $Module, [string] $BaseUri, [string] $ProjectId, [string] $AccessKey)
$ErrorActionPreference = 'Continue'
Import-Module $Module
$common = @{ Verbose = $true; Debug = $true }
function Admin([string] $Path, [string] $Method = 'GET', $Body) {
    $p = @{ Uri = "$BaseUri/_emulator/$Path"; Method = $Method }
    if ($Body) { $p.Body = $Body | ConvertTo-Json -Depth 5 -Compress; $p.ContentType = 'application/json' }
    $null = Invoke-RestMethod @p
}
$sk = ConvertTo-SecureString $env:REL_SECRET_KEY -AsPlainText -Force
$st = ConvertTo-SecureString $env:REL_SECURITY_TOKEN -AsPlainText -Force
$erp = '7b63b40ca1c07d188407e3c64ee772bdin01'; $staging = '4914c00a2e0baf9b9ca17102de91cf21in01'; $backup = '5cd7d817e2c03ebe01e1afd83b618862br01'
$sql = '873e5ee9a181bbf7008e9576f741aaadin04'; $sqlTarget = '6e9ad817324d9b4d3645b85fca8e9096in04'

Write-Output '== temporary AK/SK =='
$connection = Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -AccessKey $AccessKey -SecretKey $sk -SecurityToken $st -PassThru @common
$connection
$connection.ToString()
$connection | ConvertTo-Json -Depth 4 -WarningAction Ignore
$connection | Format-List * -Force | Out-String
Get-RdsInstance @common
Get-RdsInstance -Name '*erp' -Engine MySQL @common
Get-RdsBackup -InstanceId $erp @common
Get-RdsRestoreWindow -InstanceId $erp @common
Get-RdsSqlServerDatabase -InstanceId $sql @common
Test-RdsRestoreCompatibility -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup @common
Restore-RdsInstance -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup -WhatIf @common
$job = Restore-RdsInstance -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup -Force -Wait -PollInterval 0:0:0.2 @common
$job
Get-RdsRestoreJob -JobId $job.JobId @common
Get-RdsRestoreJob -Recent @common
$job | Wait-RdsRestoreJob -PollInterval 0:0:0.2 @common
Get-RdsRestoreJob -JobId $job.JobId | Wait-RdsRestoreJob -PollInterval 0:0:0.2 @common

Write-Output '== failures: retried 500s, a refused read, a restore whose answer is lost, a job that fails =='
Admin faults PUT @{ seed = 7; rules = @(@{ kind = 'error'; status = 500; path = '/instances$'; count = 2 }) }
Get-RdsInstance -InstanceId $erp @common
Admin faults PUT @{ seed = 7; rules = @(@{ kind = 'error'; status = 403; error_code = 'DBS.200010'; path = '/backups$' }) }
Get-RdsBackup -InstanceId $erp @common
Admin faults PUT @{ seed = 7; rules = @(@{ kind = 'error'; status = 500; method = 'POST' }) }
Restore-RdsInstance -SourceInstanceId $sql -TargetInstanceId $sqlTarget -BackupId (Get-RdsBackup -InstanceId $sql | Where-Object Status -EQ 'COMPLETED' | Select-Object -First 1).Id -Force @common
Admin faults DELETE
Admin "instances/$erp/next-restore" PUT @{ fail_reason = 'Disk full while restoring (arranged).' }
Restore-RdsInstance -SourceInstanceId $erp -TargetInstanceId $erp -BackupId $backup -Force -Wait -PollInterval 0:0:0.2 @common
Admin faults PUT @{ seed = 7; rules = @(@{ kind = 'drop'; path = '/jobs$' }) }
Get-RdsRestoreJob -JobId $job.JobId @common
Admin faults DELETE
Disconnect-RdsAccount @common

Write-Output '== wrong secret =='
# Refused by the check read at connect (CredentialsRejected), then connected without it to fail at each call.
Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -AccessKey $AccessKey `
    -SecretKey (ConvertTo-SecureString $env:REL_WRONG_SECRET -AsPlainText -Force) @common
$wrong = Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -AccessKey $AccessKey `
    -SecretKey (ConvertTo-SecureString $env:REL_WRONG_SECRET -AsPlainText -Force) -SkipValidation -PassThru @common
Get-RdsInstance -Connection $wrong @common
Restore-RdsInstance -Connection $wrong -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup -Force @common
Restore-RdsInstance -Connection $wrong -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup -Force -SkipCompatibilityCheck @common
Get-RdsRestoreJob -Connection $wrong -JobId $job.JobId @common
$cred = [pscredential]::new($AccessKey, (ConvertTo-SecureString $env:REL_WRONG_SECRET -AsPlainText -Force))
$byCredential = Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -Credential $cred -SkipValidation -PassThru @common
Get-RdsBackup -Connection $byCredential -InstanceId $erp @common

Write-Output '== IAM token =='
$iam = Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -Token (ConvertTo-SecureString $env:REL_IAM_TOKEN -AsPlainText -Force) -PassThru @common
$iam; $iam.ToString(); $iam | ConvertTo-Json -Depth 4 -WarningAction Ignore
Get-RdsInstance -Connection $iam -InstanceId $erp @common
Get-RdsRestoreJob -Connection $iam -JobId $job.JobId @common
Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -Token (ConvertTo-SecureString $env:REL_BOGUS_IAM_TOKEN -AsPlainText -Force) @common
$bogus = Connect-RdsAccount -Endpoint $BaseUri -Region cn-north-4 -ProjectId $ProjectId -Token (ConvertTo-SecureString $env:REL_BOGUS_IAM_TOKEN -AsPlainText -Force) -SkipValidation -PassThru @common
Get-RdsInstance -Connection $bogus @common
Test-RdsRestoreCompatibility -Connection $bogus -SourceInstanceId $erp -TargetInstanceId $staging -BackupId $backup @common
Write-Output '== end =='
'@
    $script:scenarioFile = Join-Path $workDir 'scenario.ps1'
    Set-Content -LiteralPath $scenarioFile -Value $scenario
    $script:scenarioArgs = @($env:RDSRECOVERY_MODULE, $emulator.BaseUri, $emulator.ProjectId, $emulator.AccessKey)
    $script:environment = @{
        REL_SECRET_KEY = $secretKey; REL_SECURITY_TOKEN = $securityToken; REL_WRONG_SECRET = $wrongSecret
        REL_IAM_TOKEN = $iamToken; REL_BOGUS_IAM_TOKEN = $bogusIamToken; RDSRECOVERY_JOURNAL = $journal
    }
}
AfterAll {
    $emulator | Stop-RdsTestEmulator
    Remove-Item $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The leak check itself' {
    It 'finds each form of a secret, in text and in UTF-16 files' {
        foreach ($form in (Get-SecretForms $secretKey).Values) {
            @(Find-Leak "before $form after" 'sample') | Should -Not -BeNullOrEmpty -Because "form $form must be caught"
        }
        $file = Join-Path $workDir 'probe.txt'
        [IO.File]::WriteAllText($file, "x $iamToken y", [Text.Encoding]::Unicode)
        @(Find-FileLeak $file) | Should -Not -BeNullOrEmpty
        Remove-Item $file
        @(Find-Leak 'nothing secret here' 'sample') | Should -BeNullOrEmpty
    }
}

Describe 'No secret in any stream, record or serialisation (hosted runspace, every cmdlet with -Verbose -Debug)' {
    BeforeAll {
        $saved = @{}
        foreach ($key in $environment.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $environment[$key]) }
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddCommand($scenarioFile)
            for ($i = 0; $i -lt $scenarioArgs.Count; $i++) { $null = $ps.AddArgument($scenarioArgs[$i]) }
            $script:output = @($ps.Invoke())
            # Copied before Dispose, which empties the collections.
            $script:streams = [pscustomobject]@{
                Error = @($ps.Streams.Error); Warning = @($ps.Streams.Warning); Verbose = @($ps.Streams.Verbose); Debug = @($ps.Streams.Debug)
                Information = @($ps.Streams.Information); Progress = @($ps.Streams.Progress)
            }
            $ps.Dispose()
        }
        finally {
            foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        }
        $script:records = [ordered]@{
            output = @($output); error = @($streams.Error); warning = @($streams.Warning); verbose = @($streams.Verbose)
            debug = @($streams.Debug); information = @($streams.Information); progress = @($streams.Progress)
        }
    }

    It 'ran the whole scenario, with failures among it' {
        ($output | ForEach-Object { "$_" }) | Should -Contain '== end =='
        $streams.Error.Count | Should -BeGreaterThan 5
        $ids = @($streams.Error | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
        $ids | Should -Contain 'RdsAuthenticationFailed'
        $ids | Should -Contain 'RestoreOutcomeUnknown'
        $ids | Should -Contain 'RdsPermissionDenied'
        $ids | Should -Contain 'RestoreJobFailed'
        $streams.Verbose.Count | Should -BeGreaterThan 20
        $streams.Debug.Count | Should -BeGreaterThan 20
        $streams.Progress.Count | Should -BeGreaterThan 0
        @($streams.Debug | Where-Object { "$_" -match 'Authorization|X-Auth-Token|X-Security-Token' }).Count | Should -BeGreaterThan 0 -Because 'the debug stream shows the headers (redacted)'
    }

    It 'leaks nothing in <_>' -ForEach @('output', 'error', 'warning', 'verbose', 'debug', 'information', 'progress') {
        $leaks = foreach ($record in $records[$_]) {
            if ($null -eq $record) { continue }
            Find-Leak "$record" "$_ ToString"
            Find-Leak ($record | Format-List * -Force | Out-String -Width 4096) "$_ Format-List"
            Find-Leak ($record | ConvertTo-Json -Depth 4 -WarningAction Ignore) "$_ ConvertTo-Json"
        }
        @($leaks) | Should -BeNullOrEmpty
    }

    It 'leaks nothing in error records, exceptions (with inner ones) and their targets' {
        $leaks = foreach ($e in $streams.Error) {
            Find-Leak $e.Exception.ToString() 'Exception.ToString'
            $inner = $e.Exception
            while ($inner) { Find-Leak $inner.Message 'exception message'; Find-Leak ($inner | Format-List * -Force | Out-String -Width 4096) 'exception properties'; $inner = $inner.InnerException }
            Find-Leak "$($e.ErrorDetails)" 'ErrorDetails'
            Find-Leak ($e.TargetObject | ConvertTo-Json -Depth 4 -WarningAction Ignore) 'TargetObject'
            Find-Leak "$($e.CategoryInfo)" 'CategoryInfo'
            Find-Leak $e.FullyQualifiedErrorId 'FullyQualifiedErrorId'
        }
        @($leaks) | Should -BeNullOrEmpty
    }

    It 'leaks nothing in Export-Clixml of every record' {
        $file = Join-Path $scanDir 'records.clixml'
        $all = foreach ($key in $records.Keys) { $records[$key] }
        $all | Export-Clixml -LiteralPath $file -Depth 4
        (Get-Item $file).Length | Should -BeGreaterThan 10000
        @(Find-FileLeak $file) | Should -BeNullOrEmpty
    }

    It 'leaks nothing in the journal or any other file written' {
        Test-Path $journal | Should -BeTrue
        (Get-Content $journal).Count | Should -BeGreaterThan 2
        $leaks = Get-ChildItem $scanDir -Recurse -File | ForEach-Object { Find-FileLeak $_.FullName }
        @($leaks) | Should -BeNullOrEmpty
    }
}

Describe 'No secret in a transcript or on the console (child pwsh, everything shown)' {
    BeforeAll {
        $script:transcript = Join-Path $scanDir 'transcript.txt'
        $exe = [Environment]::ProcessPath
        $start = [Diagnostics.ProcessStartInfo]::new($exe)
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        $command = "`$ProgressPreference = 'Continue'; `$InformationPreference = 'Continue'; Start-Transcript -LiteralPath '$transcript' | Out-Null; " +
            "& '$scenarioFile' $(($scenarioArgs | ForEach-Object { "'$_'" }) -join ' ') | Out-Host; Stop-Transcript | Out-Null"
        foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($a) }
        foreach ($key in $environment.Keys) { $start.Environment[$key] = $environment[$key] }
        $start.Environment['RDSRECOVERY_JOURNAL'] = Join-Path $scanDir 'journal-child.jsonl'
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(180000)) { $process.Kill($true) }
        $script:console = $stdout.Result + "`n" + $stderr.Result
    }

    It 'ran the whole scenario and wrote a transcript with the verbose and debug lines' {
        $console | Should -Match '== end =='
        $text = Get-Content -Raw $transcript
        $text | Should -Match '== end =='
        $text | Should -Match 'VERBOSE: '
        $text | Should -Match 'DEBUG: '
    }

    It 'leaks nothing on the console (standard output and error)' {
        @(Find-Leak $console 'console') | Should -BeNullOrEmpty
    }

    It 'leaks nothing in the transcript or the journal' {
        @(Find-FileLeak $transcript) | Should -BeNullOrEmpty
        @(Find-FileLeak (Join-Path $scanDir 'journal-child.jsonl')) | Should -BeNullOrEmpty
    }
}
