# Shared by the EndToEnd.*.Tests.ps1 files: one emulator per file, the seeded ids, and request-log helpers.
# Dot-source it inside BeforeAll; call Start-EndToEnd there and Stop-EndToEnd in AfterAll.

Import-Module (Join-Path $PSScriptRoot '../../tools/RdsEmulator.psm1') -Force
Import-Module $env:RDSRECOVERY_MODULE -Force

# Well-known seeded ids (emulator README): derived from names, the same on every machine and after every reset.
$script:Ids = @{
    ErpProd        = '7b63b40ca1c07d188407e3c64ee772bdin01'   # MySQL 5.7, 100 GB
    ErpStaging     = '4914c00a2e0baf9b9ca17102de91cf21in01'   # MySQL 5.7, 200 GB
    ErpDevSmall    = '1feff22d5885189a227359fa872d97edin01'   # MySQL 5.7, 40 GB
    ErpReporting   = 'ef7c0f00806208aa18e590781cd7ed6din01'   # MySQL 5.7.41, 100 GB
    ShopProd       = '9f3d73c8db31d7b2511534b0123ff974in01'   # MySQL 8.0, 250 GB
    ShopTest       = 'bec12365e04cc3fe6e78ef3fb2707341in01'   # MySQL 8.0, 500 GB
    CrmProd        = '013ff9960a8ebe5278ca25bdca242e9din03'   # PostgreSQL 12, 100 GB
    CrmStaging     = '88529173bb7bcb32e9e7e16d370eba77in03'   # PostgreSQL 12, 100 GB
    BillingStaging = '63c0ad04d09575c3aa45a21e5cfbfc05in03'   # PostgreSQL 14, 300 GB
    HrWeb          = '873e5ee9a181bbf7008e9576f741aaadin04'   # SQL Server 2008_R2_WEB, 100 GB: hr_core, hr_payroll
    HrEe           = '6e9ad817324d9b4d3645b85fca8e9096in04'   # SQL Server 2008_R2_EE, 200 GB: hr_archive
    BiWeb          = 'e00e9cefac28bf952191d47d88218580in04'   # SQL Server 2016_WEB, 100 GB: sales, reporting
    BiSe           = 'e3ac7ad446d1286484ff321233198836in04'   # SQL Server 2016_SE, 200 GB: reporting_archive
    DwEe           = '3d8258ee311f6be6ab4b2db2def91b3ein04'   # SQL Server 2017_EE, 300 GB: dw, staging
    DwEeStaging    = '1a87f1102071a6eeb491169b32e017e5in04'   # SQL Server 2017_EE, 300 GB: dw_test
}
$script:Backups = @{
    ErpProdLatest     = '5cd7d817e2c03ebe01e1afd83b618862br01'
    ErpProdOldest     = 'cb8169d869699c4f5458cd7bcd01a3ecbr01'
    ErpProdManual     = 'f671a58d40fdcb828ee1734495ec5f25br01'
    ErpProdFailed     = 'c0504a8393e6c84d41458f6845a4580ebr01'
    ErpProdBuilding   = 'a214586f347b303975ece2b4dac2f872br01'
    ErpStagingLatest  = '3a1074fbefe27d193d83a79c72c506c4br01'
    CrmProdLatest     = '9777e87ba7184db86795c7d38d8a0761br03'
    BiWebLatest       = 'e091ccc70bec65bec05cba439f9c5f48br04'
    DwEeLatest        = '75f1e2eef3d2d24260ae4c3245301685br04'
}
# The module's SQL Server seeded backups for hr-sql2008r2-web are not in the README table: looked up when needed.

function Start-EndToEnd {
    param([string] $Name)
    $script:JournalPath = Join-Path ([IO.Path]::GetTempPath()) "rds-e2e-journal-$Name-$([guid]::NewGuid().ToString('N')).jsonl"
    $script:SavedJournal = $env:RDSRECOVERY_JOURNAL
    $env:RDSRECOVERY_JOURNAL = $script:JournalPath
    $script:Emulator = Start-RdsTestEmulator -JobInvisibleMs 200 -JobDurationMs 1200
    $script:SecretKey = ConvertTo-SecureString $Emulator.SecretKey -AsPlainText -Force
    Connect-EndToEnd
}

function Connect-EndToEnd {
    param([switch] $PassThru)
    Connect-RdsAccount -Region cn-north-4 -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId `
        -AccessKey $Emulator.AccessKey -SecretKey $SecretKey -PassThru:$PassThru
}

function Stop-EndToEnd {
    Disconnect-RdsAccount
    if ($script:Emulator) { $script:Emulator | Stop-RdsTestEmulator }
    $env:RDSRECOVERY_JOURNAL = $script:SavedJournal
    # The journal and the lock file its appends take turns on.
    Remove-Item $script:JournalPath, "$($script:JournalPath).lock" -ErrorAction SilentlyContinue
}

function Reset-Emulator { Invoke-RdsEmulatorAdmin $Emulator -Path reset -Method POST | Out-Null }

function Clear-RequestLog { Invoke-RdsEmulatorAdmin $Emulator -Path requests -Method DELETE | Out-Null }

function Get-RequestLog { @((Invoke-RdsEmulatorAdmin $Emulator -Path requests).requests) }

# The restore POSTs the emulator received (including refused and dropped ones).
function Get-RestorePost { @(Get-RequestLog | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/instances/recovery' }) }

function Set-Fault { param($Rules) Invoke-RdsEmulatorAdmin $Emulator -Path faults -Method PUT -Body @{ seed = 7; rules = @($Rules) } | Out-Null }

function Clear-Fault { Invoke-RdsEmulatorAdmin $Emulator -Path faults -Method DELETE | Out-Null }

function Get-EmulatorData { param([string] $Instance) Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$Instance/data" }

function Set-NextRestore { param([string] $Instance, [hashtable] $Arrangement) Invoke-RdsEmulatorAdmin $Emulator -Path "instances/$Instance/next-restore" -Method PUT -Body $Arrangement | Out-Null }

# The first error id of an error record (FullyQualifiedErrorId is 'Id,Command').
function Get-ErrorId { param([Parameter(ValueFromPipeline)] $Record) process { $Record.FullyQualifiedErrorId.Split(',')[0] } }

# Short polls so waiting tests finish in a couple of seconds; the emulator runs jobs for 1.2 s.
$script:Fast = @{ PollInterval = [TimeSpan]::FromMilliseconds(200) }
