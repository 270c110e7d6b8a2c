# Connect-RdsAccount and Disconnect-RdsAccount against the emulator: every credential source, IAM tokens,
# refused credentials, several connections side by side, and tab completion with and without a connection.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name connect

    $script:EnvNames = 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID',
        'HUAWEICLOUD_SDK_REGION', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE'
    $script:SavedEnv = @{}
    foreach ($name in $EnvNames) { $SavedEnv[$name] = [Environment]::GetEnvironmentVariable($name) }
    function Clear-SdkEnvironment {
        foreach ($name in $EnvNames) { [Environment]::SetEnvironmentVariable($name, $null) }
        # No stray ~/.huaweicloud/credentials of this machine may answer: point the file at nothing.
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) "no-such-credentials-$([guid]::NewGuid())"
    }
    function Restore-SdkEnvironment { foreach ($name in $EnvNames) { [Environment]::SetEnvironmentVariable($name, $SavedEnv[$name]) } }

    # An IAM token from the emulator's POST /v3/auth/tokens, as a SecureString.
    function New-EmulatorToken {
        param([string] $Password = $Emulator.SecretKey)
        $body = @{ auth = @{ identity = @{ methods = @('password'); password = @{ user = @{ name = 'rds-emulator'; password = $Password; domain = @{ name = 'any' } } } }
                scope = @{ project = @{ id = $Emulator.ProjectId } } } } | ConvertTo-Json -Depth 10 -Compress
        $response = Invoke-WebRequest -Uri "$($Emulator.BaseUri)/v3/auth/tokens" -Method Post -Body $body -ContentType 'application/json'
        $response.StatusCode | Should -Be 201
        ConvertTo-SecureString ([string] $response.Headers['X-Subject-Token']) -AsPlainText -Force
    }
}

AfterAll {
    Restore-SdkEnvironment
    Stop-EndToEnd
}

Describe 'Connect-RdsAccount with explicit credentials' {
    AfterEach { Connect-EndToEnd }

    It '-AccessKey/-SecretKey connects and a read succeeds' {
        $connection = Connect-EndToEnd -PassThru
        $connection | Should -BeOfType ([RdsRecovery.Api.RdsConnection])
        $connection.AuthenticationType | Should -Be 'AkSk'
        $connection.CredentialSource | Should -Be 'Parameter'
        $connection.ProjectId | Should -Be $Emulator.ProjectId
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
    }

    It '-Credential (user name = access key, password = secret key) connects' {
        $credential = [pscredential]::new($Emulator.AccessKey, $SecretKey)
        $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -Credential $credential -PassThru
        $connection.AuthenticationType | Should -Be 'AkSk'
        (Get-RdsInstance -Name erp-staging).Id | Should -Be $Ids.ErpStaging
    }

    It 'signs every request with SDK-HMAC-SHA256 and sends X-Project-Id' {
        Clear-RequestLog
        Get-RdsInstance -InstanceId $Ids.ErpProd | Out-Null
        $request = Get-RequestLog | Select-Object -First 1
        $request.status | Should -Be 200
        $request.headers.'X-Project-Id' | Should -Be $Emulator.ProjectId
        $request.headers.Authorization | Should -Be '[redacted]'
        $request.headers.'X-Sdk-Date' | Should -Match '^\d{8}T\d{6}Z$'
    }

    It 'without -PassThru writes nothing' {
        $output = @(Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey)
        $output.Count | Should -Be 0
    }

    It '-SecurityToken (temporary credentials) is sent as X-Security-Token with the signed request' {
        $token = ConvertTo-SecureString 'temporary-security-token-value' -AsPlainText -Force
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -SecurityToken $token
        Clear-RequestLog
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
        $request = Get-RequestLog | Select-Object -First 1
        $request.status | Should -Be 200
        $request.headers.'X-Security-Token' | Should -Be '[redacted]'
    }

    It 'HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4 replaces the regional host when no -Endpoint is given' {
        $saved = $env:HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4
        try {
            $env:HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4 = $Emulator.BaseUri
            $connection = Connect-RdsAccount -Region cn-north-4 -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -PassThru
            $connection.Endpoint.Port | Should -Be ([Uri] $Emulator.BaseUri).Port
            (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
        }
        finally { $env:HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4 = $saved }
    }

    It 'without -Endpoint a region names the regional host' {
        $connection = Connect-RdsAccount -Region ap-southeast-1 -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -PassThru
        $connection.Endpoint.Host | Should -Be 'rds.ap-southeast-1.myhuaweicloud.com'
        $connection.Endpoint.Scheme | Should -Be 'https'
    }

    It 'a connection shows no secret in ToString, Format-List or JSON' {
        $connection = Connect-EndToEnd -PassThru
        $text = "$connection" + ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        $text | Should -Not -BeLike "*$($Emulator.SecretKey)*"
        $text | Should -Not -BeLike "*$($Emulator.AccessKey)*"
    }

    It 'a wrong secret key connects but the first call fails with RdsAuthenticationFailed (401 APIGW.0301)' {
        $wrong = ConvertTo-SecureString 'definitely-not-the-secret' -AsPlainText -Force
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $wrong
        Get-RdsInstance -InstanceId $Ids.ErpProd -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.HttpStatus | Should -Be 401
        $failure[0].Exception.ErrorCode | Should -Be 'APIGW.0301'
        $failure[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        $failure[0].ToString() | Should -Not -BeLike '*definitely-not-the-secret*'
    }

    It 'an unknown access key is refused the same way' {
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey 'UNKNOWNACCESSKEY0000' -SecretKey $SecretKey
        Get-RdsInstance -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
    }

    It 'another project id is refused (the gateway checks X-Project-Id: 401)' {
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId 'ffffffffffffffffffffffffffffffff' -AccessKey $Emulator.AccessKey -SecretKey $SecretKey
        Get-RdsInstance -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        @($failure).Count | Should -BeGreaterThan 0
        $failure[0].Exception.HttpStatus | Should -Be 401
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
        $failure[0].Exception.Path | Should -BeLike '/v3/ffffffffffffffffffffffffffffffff/*'
    }

    It 'an http endpoint that is not loopback is refused (InsecureEndpoint)' {
        { Connect-RdsAccount -Region cn-north-4 -Endpoint 'http://rds.example.test' -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -ErrorAction Stop } |
            Should -Throw -ErrorId 'InsecureEndpoint*'
    }
}

Describe 'Connect-RdsAccount from the environment and the credentials file' {
    BeforeEach { Clear-SdkEnvironment }
    AfterEach { Restore-SdkEnvironment; Connect-EndToEnd }

    It 'reads HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID and _REGION' {
        $env:HUAWEICLOUD_SDK_AK = $Emulator.AccessKey
        $env:HUAWEICLOUD_SDK_SK = $Emulator.SecretKey
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId
        $env:HUAWEICLOUD_SDK_REGION = 'cn-north-4'
        $connection = Connect-RdsAccount -Endpoint $Emulator.BaseUri -PassThru
        $connection.CredentialSource | Should -Be 'Environment'
        $connection.Region | Should -Be 'cn-north-4'
        $connection.ProjectId | Should -Be $Emulator.ProjectId
        (Get-RdsInstance -InstanceId $Ids.CrmProd).Name | Should -Be 'crm-pg12-prod'
    }

    It 'parameters win over the environment' {
        $env:HUAWEICLOUD_SDK_AK = 'ENVACCESSKEYNOTUSED00'
        $env:HUAWEICLOUD_SDK_SK = 'env-secret-not-used'
        $env:HUAWEICLOUD_SDK_PROJECT_ID = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'
        $connection = Connect-EndToEnd -PassThru
        $connection.CredentialSource | Should -Be 'Parameter'
        $connection.ProjectId | Should -Be $Emulator.ProjectId
        Get-RdsInstance -InstanceId $Ids.CrmProd | Should -Not -BeNullOrEmpty
    }

    It 'only one of AK and SK set is CredentialsIncomplete' {
        $env:HUAWEICLOUD_SDK_AK = $Emulator.AccessKey
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId
        { Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsIncomplete*'
    }

    It 'no credentials anywhere is CredentialsNotFound' {
        { Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsNotFound*'
    }

    It 'reads the SDK credentials file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "rds-e2e-credentials-$([guid]::NewGuid().ToString('N'))"
        try {
            Set-Content -Path $file -Value "[basic]`nak = $($Emulator.AccessKey)`nsk = $($Emulator.SecretKey)`nproject_id = $($Emulator.ProjectId)`n"
            $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
            $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -PassThru
            $connection.CredentialSource | Should -Be $file
            $connection.ProjectId | Should -Be $Emulator.ProjectId
            (Get-RdsInstance -InstanceId $Ids.BiWeb).Name | Should -Be 'bi-sql2016-web'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'the environment wins over the credentials file' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "rds-e2e-credentials-$([guid]::NewGuid().ToString('N'))"
        try {
            Set-Content -Path $file -Value "[basic]`nak = FILEACCESSKEYNOTUSED0`nsk = file-secret`nproject_id = $($Emulator.ProjectId)`n"
            $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
            $env:HUAWEICLOUD_SDK_AK = $Emulator.AccessKey
            $env:HUAWEICLOUD_SDK_SK = $Emulator.SecretKey
            $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -PassThru
            $connection.CredentialSource | Should -Be 'Environment'
            Get-RdsInstance -InstanceId $Ids.BiWeb | Should -Not -BeNullOrEmpty
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Connect-RdsAccount -Token (IAM token from POST /v3/auth/tokens)' {
    AfterEach { Connect-EndToEnd }

    It 'a token the emulator issued reads with X-Auth-Token and no signature' {
        $token = New-EmulatorToken
        $connection = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -Token $token -PassThru
        $connection.AuthenticationType | Should -Be 'Token'
        Clear-RequestLog
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
        $request = Get-RequestLog | Select-Object -First 1
        $request.headers.'X-Auth-Token' | Should -Be '[redacted]'
        $request.headers.PSObject.Properties.Name | Should -Not -Contain 'Authorization'
    }

    It 'a token can submit and follow a restore' {
        Reset-Emulator
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -Token (New-EmulatorToken)
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false -Wait @Fast
        $job.Status | Should -Be 'Completed'
    }

    It 'a token the emulator never issued is RdsAuthenticationFailed' {
        $forged = ConvertTo-SecureString ('MII' + ('A' * 200)) -AsPlainText -Force
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -Token $forged
        Get-RdsInstance -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
        $failure[0].Exception.HttpStatus | Should -Be 401
    }

    It 'the IAM endpoint refuses a wrong password (no token is issued)' {
        $failure = $null
        try { New-EmulatorToken -Password 'wrong-password' } catch { $failure = $_ }
        $failure.Exception.Response.StatusCode.value__ | Should -Be 401
    }
}

Describe 'Several connections: -PassThru and -Connection' {
    BeforeAll {
        Connect-EndToEnd
        $script:good = Connect-EndToEnd -PassThru
        $wrong = ConvertTo-SecureString 'wrong-secret-for-the-second-connection' -AsPlainText -Force
        $script:bad = Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $wrong -PassThru
        # The last Connect set the broken one as the default.
    }
    AfterAll { Connect-EndToEnd }

    It 'the default is the last connection made' {
        Get-RdsInstance -InstanceId $Ids.ErpProd -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
    }

    It '-Connection picks the good connection for one call' {
        (Get-RdsInstance -InstanceId $Ids.ErpProd -Connection $good).Name | Should -Be 'erp-prod'
        (Get-RdsBackup -InstanceId $Ids.ErpProd -Connection $good | Measure-Object).Count | Should -BeGreaterThan 3
        @(Get-RdsRestoreWindow -InstanceId $Ids.ErpProd -Connection $good).Count | Should -BeGreaterThan 0
    }

    It '-Connection picks the broken one even when the default is good' {
        Connect-EndToEnd
        Get-RdsInstance -InstanceId $Ids.ErpProd -Connection $bad -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure[0] | Get-ErrorId | Should -Be 'RdsAuthenticationFailed'
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
    }

    It 'Restore-RdsInstance, Test-RdsRestoreCompatibility and the job cmdlets take -Connection too' {
        Reset-Emulator
        Disconnect-RdsAccount
        Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Connection $good -Quiet | Should -BeTrue
        $job = Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Connection $good -Confirm:$false
        (Get-RdsRestoreJob -JobId $job.JobId -Connection $good).JobId | Should -Be $job.JobId
        ($job | Wait-RdsRestoreJob -Connection $good @Fast).Status | Should -Be 'Completed'
        @(Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb -Connection $good).Count | Should -Be 6
    }

    It 'a held connection still works after Disconnect-RdsAccount' {
        Disconnect-RdsAccount
        (Get-RdsInstance -InstanceId $Ids.ErpStaging -Connection $good).Name | Should -Be 'erp-staging'
    }
}

Describe 'Disconnect-RdsAccount' {
    AfterEach { Connect-EndToEnd }

    It 'then every service cmdlet says NotConnected and sends nothing' {
        Disconnect-RdsAccount
        Clear-RequestLog
        foreach ($call in @(
                { Get-RdsInstance },
                { Get-RdsBackup -InstanceId $Ids.ErpProd },
                { Get-RdsRestoreWindow -InstanceId $Ids.ErpProd },
                { Get-RdsSqlServerDatabase -InstanceId $Ids.BiWeb },
                { Get-RdsRestoreJob -JobId 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
                { Test-RdsRestoreCompatibility -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest },
                { Restore-RdsInstance -SourceInstanceId $Ids.ErpProd -TargetInstanceId $Ids.ErpStaging -BackupId $Backups.ErpProdLatest -Confirm:$false })) {
            $failure = $null
            try { & $call -ErrorAction Stop | Out-Null } catch { $failure = $_ }
            $failure | Should -Not -BeNullOrEmpty -Because "$call must fail"
            $failure | Get-ErrorId | Should -Be 'NotConnected' -Because "$call"
        }
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'twice in a row is harmless' {
        Disconnect-RdsAccount
        { Disconnect-RdsAccount -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Tab completion' {
    BeforeAll {
        function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    }
    AfterAll { Connect-EndToEnd }

    It 'completes -TargetInstanceId with ids and their names as tooltips once connected' {
        Connect-EndToEnd
        $completions = @(Get-Completion 'Restore-RdsInstance -TargetInstanceId ')
        $completions.Count | Should -Be 40
        $completions.CompletionText | Should -Contain $Ids.ErpStaging
        ($completions | Where-Object CompletionText -eq $Ids.ErpStaging).ToolTip | Should -BeLike '*erp-staging*'
        ($completions | Where-Object CompletionText -eq $Ids.ErpStaging).ListItemText | Should -BeLike '*erp-staging*'
    }

    It 'narrows by the typed start of a name' {
        Connect-EndToEnd
        $completions = @(Get-Completion 'Restore-RdsInstance -SourceInstanceId erp-')
        $completions.CompletionText | Sort-Object | Should -Be (@($Ids.ErpProd, $Ids.ErpStaging, $Ids.ErpDevSmall, $Ids.ErpReporting) | Sort-Object)
    }

    It 'completes -BackupId with the backups of the chosen source' {
        Connect-EndToEnd
        $completions = @(Get-Completion "Restore-RdsInstance -SourceInstanceId $($Ids.ErpProd) -BackupId ")
        $completions.CompletionText | Should -Contain $Backups.ErpProdLatest
        $completions.CompletionText | Should -Not -Contain $Backups.ErpStagingLatest
    }

    It 'a warm completion makes no new request' {
        Connect-EndToEnd
        Get-Completion 'Get-RdsBackup -InstanceId ' | Out-Null
        Clear-RequestLog
        @(Get-Completion 'Get-RdsBackup -InstanceId ').Count | Should -Be 40
        Get-RequestLog | Should -BeNullOrEmpty
    }

    It 'returns nothing, and no error, when not connected' {
        Disconnect-RdsAccount
        $Error.Clear()
        $completions = @(Get-Completion 'Restore-RdsInstance -TargetInstanceId ' | Where-Object ResultType -eq 'ParameterValue')
        $completions.Count | Should -Be 0
        $Error.Count | Should -Be 0
    }

    It 'completes -Region with the known regions, without a connection' {
        Disconnect-RdsAccount
        $completions = @(Get-Completion 'Connect-RdsAccount -Region cn-nor')
        $completions.CompletionText | Should -Contain 'cn-north-4'
        $completions.CompletionText | Should -Not -Contain 'ap-southeast-1'
        ($completions | Where-Object CompletionText -eq 'cn-north-4').ToolTip | Should -BeLike '*rds.cn-north-4.*'
    }
}
