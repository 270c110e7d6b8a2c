# The module ships as a .nupkg that Install-PSResource installs from a local folder repository.
# Everything happens under a temporary HOME so the user's PSResourceGet settings are never touched.
BeforeAll {
    $modulePath = $env:RDSRECOVERY_MODULE
    $work = Join-Path ([IO.Path]::GetTempPath()) ("rdsrecovery-package-" + [guid]::NewGuid().ToString('N'))
    $repo = Join-Path $work 'repo'
    New-Item -ItemType Directory -Path $repo -Force | Out-Null
    & (Join-Path $PSScriptRoot '../../tools/New-ModulePackage.ps1') -ModulePath $modulePath -OutputPath $repo | Out-Null
    $manifest = Import-PowerShellDataFile (Join-Path $modulePath 'RdsRecovery.psd1')
    [string[]] $pwshArgs = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }

    # Runs a script in a fresh pwsh whose HOME (and so module and repository paths) is the temp folder.
    function Invoke-IsolatedPwsh([string] $Script) {
        $savedHome = $env:HOME
        $savedModulePath = $env:PSModulePath
        try {
            $env:HOME = $work
            $env:PSModulePath = $null
            $output = & ([Environment]::ProcessPath) @pwshArgs -NoProfile -NonInteractive -Command $Script 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
        }
        finally {
            $env:HOME = $savedHome
            $env:PSModulePath = $savedModulePath
        }
    }
}

AfterAll {
    if ($work -and (Test-Path $work)) { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The module package' {
    It 'is a versioned nupkg named after the manifest version' {
        Join-Path $repo "RdsRecovery.$($manifest.ModuleVersion).nupkg" | Should -Exist
    }

    It 'passes Test-ModuleManifest with version, GUID, author, description, tags and links' {
        $info = Test-ModuleManifest -Path (Join-Path $modulePath 'RdsRecovery.psd1')
        $info.Version | Should -Be ([version] $manifest.ModuleVersion)
        $info.Guid | Should -Not -Be ([guid]::Empty)
        $info.Author | Should -Not -BeNullOrEmpty
        $info.Description | Should -Not -BeNullOrEmpty
        $info.Tags | Should -Contain 'HuaweiCloud'
        $info.Tags | Should -Contain 'RDS'
        $info.ProjectUri | Should -Not -BeNullOrEmpty
        $info.LicenseUri | Should -Not -BeNullOrEmpty
        $info.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'installs with Install-PSResource from a local repository and imports by name' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name RdsLocal -Uri '$repo' -Trusted
Install-PSResource -Name RdsRecovery -Repository RdsLocal -Scope CurrentUser -TrustRepository -Quiet
Import-Module RdsRecovery
`$m = Get-Module RdsRecovery
"VERSION=`$(`$m.Version)"
"BASE=`$(`$m.ModuleBase)"
"CMDLETS=`$((`$m.ExportedCmdlets.Keys | Sort-Object) -join ',')"
"@
        $result = Invoke-IsolatedPwsh $script
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match "VERSION=$([regex]::Escape($manifest.ModuleVersion))"
        $result.Output | Should -Match ([regex]::Escape($work))
        $expected = ($manifest.CmdletsToExport | Sort-Object) -join ','
        $result.Output | Should -Match ("CMDLETS=" + [regex]::Escape($expected))
    }
}
