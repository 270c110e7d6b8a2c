# Connect-RdsAccount's check read (GET /v3/{project_id}/instances?limit=1): a wrong secret, project, endpoint or
# region fails at connect with an error that says what to check; a 403 keeps the connection with a warning;
# -SkipValidation sends nothing; an endpoint with an API path is normalised or refused; Get-RdsConnection shows
# the default connection and never a secret.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    Start-EndToEnd -Name connectcheck

    function Connect-With {
        [CmdletBinding()]
        param([string] $Endpoint = $Emulator.BaseUri, [string] $ProjectId = $Emulator.ProjectId, [securestring] $Secret = $SecretKey, [switch] $SkipValidation)
        Connect-RdsAccount -Region cn-north-4 -Endpoint $Endpoint -ProjectId $ProjectId -AccessKey $Emulator.AccessKey -SecretKey $Secret -SkipValidation:$SkipValidation -PassThru
    }

    # Runs a connect that must fail; returns its error record and checks the previous default stayed.
    function Invoke-RefusedConnect([scriptblock] $Connect) {
        Connect-EndToEnd
        $before = Get-RdsConnection
        $caught = $null
        try { & $Connect | Out-Null } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty -Because 'the mistake must fail at connect'
        (Get-RdsConnection) | Should -Be $before -Because 'a refused connect keeps the previous default'
        $caught.Exception.Message | Should -Not -Match 'canonicalRequest' -Because 'the gateway dump goes to -Verbose only'
        $caught
    }
}

AfterAll { Stop-EndToEnd }

Describe 'Connect-RdsAccount checks the connection with one cheap read' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'sends exactly one GET of the instance list, and connects' {
        $connection = Connect-With
        $connection.Endpoint.ToString() | Should -Be ([Uri] $Emulator.BaseUri).ToString()
        $log = @(Get-RequestLog)
        $log.Count | Should -Be 1
        $log[0].method | Should -Be 'GET'
        $log[0].path | Should -BeLike "/v3/$($Emulator.ProjectId)/instances*"
        $log[0].status | Should -Be 200
    }

    It 'refuses a wrong secret key as CredentialsRejected, naming the keys and the clock' {
        $wrong = ConvertTo-SecureString 'definitely-not-the-secret' -AsPlainText -Force
        $caught = Invoke-RefusedConnect { Connect-With -Secret $wrong }
        $caught | Get-ErrorId | Should -Be 'CredentialsRejected'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $caught.Exception.Message | Should -Match 'secret key'
        $caught.Exception.Message | Should -Match 'clock'
        $caught.Exception.Message | Should -Match 'HTTP 401 APIGW\.0301'
        ($caught | Out-String) | Should -Not -Match 'definitely-not-the-secret'
    }

    It 'refuses a project id of another account as ProjectIdRejected' {
        $caught = Invoke-RefusedConnect { Connect-With -ProjectId 'ffffffffffffffffffffffffffffffff' }
        $caught | Get-ErrorId | Should -Be 'ProjectIdRejected'
        $caught.Exception.Message | Should -Match 'project id'
        $caught.Exception.Message | Should -Match 'ffffffffffffffffffffffffffffffff'
    }

    It 'refuses a forged IAM token as CredentialsRejected, naming the token' {
        $forged = ConvertTo-SecureString ('MII' + ('A' * 200)) -AsPlainText -Force
        $caught = Invoke-RefusedConnect { Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -Token $forged }
        $caught | Get-ErrorId | Should -Be 'CredentialsRejected'
        $caught.Exception.Message | Should -Match 'IAM token'
    }

    It 'refuses an endpoint where nothing listens as EndpointUnreachable' {
        $caught = Invoke-RefusedConnect { Connect-With -Endpoint 'http://127.0.0.1:9' }
        $caught | Get-ErrorId | Should -Be 'EndpointUnreachable'
        $caught.CategoryInfo.Category | Should -Be 'ConnectionError'
        $caught.Exception.Message | Should -Match '-SkipValidation'
    }

    It 'refuses an endpoint that is not the RDS API as EndpointNotRds' {
        $caught = Invoke-RefusedConnect { Connect-With -Endpoint "$($Emulator.BaseUri)/not-rds" }
        $caught | Get-ErrorId | Should -Be 'EndpointNotRds'
        $caught.Exception.Message | Should -Match '-Endpoint'
    }

    It 'keeps the connection with a warning when the identity may not list instances (403)' {
        Set-Fault @(@{ kind = 'error'; status = 403; error_code = 'DBS.200044'; method = 'GET'; path = '/instances$' })
        try {
            $connection = Connect-With -WarningVariable warned -WarningAction SilentlyContinue
            $connection | Should -Not -BeNullOrEmpty
            (Get-RdsConnection).Endpoint | Should -Be $connection.Endpoint
            "$warned" | Should -Match 'may not list instances'
            "$warned" | Should -Match 'DBS\.200044'
        }
        finally { Clear-Fault }
    }

    It 'connects offline with -SkipValidation: nothing is sent' {
        $connection = Connect-With -Endpoint 'http://127.0.0.1:9' -SkipValidation
        $connection.Endpoint.Port | Should -Be 9
        Get-RequestLog | Should -BeNullOrEmpty
        Connect-EndToEnd
    }
}

Describe 'An endpoint given with an API path' {
    BeforeEach { Reset-Emulator; Clear-RequestLog }

    It 'drops a trailing <Suffix> with a warning, so requests do not go to /v3/v3/' -ForEach @(@{ Suffix = '/v3' }, @{ Suffix = '/v3/' }, @{ Suffix = '/V3.1' }) {
        $connection = Connect-With -Endpoint "$($Emulator.BaseUri)$Suffix" -WarningVariable warned -WarningAction SilentlyContinue
        $connection.Endpoint.AbsolutePath | Should -Be '/'
        "$warned" | Should -Match 'API path was dropped'
        (Get-RdsInstance -InstanceId $Ids.ErpProd).Name | Should -Be 'erp-prod'
        Get-RequestLog | ForEach-Object { $_.path | Should -Not -Match '/v3/v3' }
    }

    It 'refuses an endpoint holding a longer API path as InvalidEndpoint and sends nothing' {
        { Connect-With -Endpoint "$($Emulator.BaseUri)/v3/$($Emulator.ProjectId)" -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEndpoint*'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}

Describe 'Get-RdsConnection' {
    It 'shows the default connection: region, endpoint, project, authentication by name, never a secret' {
        Connect-EndToEnd
        $connection = Get-RdsConnection
        $connection.Endpoint.ToString() | Should -Be ([Uri] $Emulator.BaseUri).ToString()
        $text = Get-RdsConnection | Out-String -Width 80
        $text | Should -Match 'Region\s+: cn-north-4'
        $text | Should -Match "ProjectId\s+: $($Emulator.ProjectId)"
        $text | Should -Match 'Authentication\s+: Access key \(AK/SK\)'
        $text | Should -Not -Match ([regex]::Escape($Emulator.SecretKey))
        ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($Emulator.SecretKey))
    }

    It 'writes nothing without a default connection' {
        Disconnect-RdsAccount
        try { Get-RdsConnection | Should -BeNullOrEmpty }
        finally { Connect-EndToEnd }
    }
}
