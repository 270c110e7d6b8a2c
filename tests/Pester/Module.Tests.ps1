BeforeAll {
    $modulePath = $env:RDSRECOVERY_MODULE
}

Describe 'The RdsRecovery module' {
    It 'imports without warnings and exports an explicit cmdlet list' {
        $warnings = & { Import-Module $modulePath -Force -PassThru -WarningVariable w 3>$null | Out-Null; $w }
        $warnings | Should -BeNullOrEmpty
        $manifest = Import-PowerShellDataFile (Join-Path $modulePath 'RdsRecovery.psd1')
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $exported = (Get-Module RdsRecovery).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
