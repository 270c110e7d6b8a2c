@{
    RootModule           = 'RdsRecovery.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3d703d05-4776-4819-a038-54d2aa9353e9'
    Author               = 'RdsRecovery contributors'
    CompanyName          = 'RdsRecovery'
    Copyright            = '(c) RdsRecovery contributors. MIT License.'
    Description          = 'Restore Huawei Cloud RDS v3 instances (MySQL, PostgreSQL, SQL Server) from a backup or a point in time into an existing or the current instance, with every documented rule checked before anything is sent. Works with Open Telekom Cloud and other clouds that run the same API, and ships a local emulator of the service.'
    PowerShellVersion    = '7.4'
    # Only what is tested: Windows PowerShell 5.1 (Desktop) has not been tried yet.
    CompatiblePSEditions = @('Core')
    # Loaded with the module so output types can be built in users' own tests ([RdsRecovery.Model.RdsRestoreJob]::new()).
    RequiredAssemblies   = @('RdsRecovery.Core.dll')
    FormatsToProcess     = @('RdsRecovery.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-RdsAccount'
        'Disconnect-RdsAccount'
        'Get-RdsConnection'
        'Get-RdsInstance'
        'Get-RdsBackup'
        'Get-RdsRestoreWindow'
        'Get-RdsSqlServerDatabase'
        'Test-RdsRestoreCompatibility'
        'Restore-RdsInstance'
        'Get-RdsRestorableDatabase'
        'Get-RdsRestorableTable'
        'Restore-RdsDatabase'
        'Restore-RdsTable'
        'Get-RdsRestoreJob'
        'Wait-RdsRestoreJob'
        'New-RdsBackup'
        'Remove-RdsBackup'
        'Undo-RdsRestore'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PSEdition_Core', 'HuaweiCloud', 'RDS', 'OpenTelekomCloud', 'Database', 'Restore', 'Backup', 'MySQL', 'PostgreSQL', 'SQLServer', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/rdsrecovery/RdsRecovery'
            ReleaseNotes = '0.1.0: first release: offline request building and validation, compatibility rules.'
        }
    }
}
