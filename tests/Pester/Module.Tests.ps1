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

    It 'reads a bare number as seconds in every duration parameter of every cmdlet' {
        Import-Module $modulePath -Force
        $durations = foreach ($command in Get-Command -Module RdsRecovery) {
            foreach ($parameter in $command.Parameters.Values | Where-Object ParameterType -in ([TimeSpan], [Nullable[TimeSpan]])) {
                [pscustomobject]@{
                    Name = "$($command.Name) -$($parameter.Name)"
                    Seconds = @($parameter.Attributes | Where-Object { $_.GetType().Name -eq 'DurationTransformationAttribute' }).Count
                }
            }
        }
        $durations.Count | Should -BeGreaterOrEqual 5
        $durations | Where-Object Seconds -ne 1 | ForEach-Object Name | Should -BeNullOrEmpty
    }
}
