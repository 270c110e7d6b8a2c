# Table-level point-in-time restores (issue 14) against the emulator: the PostgreSQL table listing, MySQL tables
# through the v3.1 table API, PostgreSQL tables in a schema, and every table rule refusing before anything is sent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EndToEnd.Helpers.ps1')
    . (Join-Path $PSScriptRoot 'EndToEnd.PartialRestore.Helpers.ps1')
    Start-EndToEnd -Name partial-tables
}

AfterAll { Stop-EndToEnd }

Describe 'Get-RdsRestorableTable' {
    BeforeAll { Reset-Emulator }

    It 'lists the schemas and tables of a PostgreSQL database at a point in time' {
        $t = Get-RecentTime $Ids.CrmProd
        $tables = @(Get-RdsRestorableTable -InstanceId crm-pg12-prod -RestoreTime $t -Database crm)
        $tables | ForEach-Object { "$($_.Schema).$($_.Name)" } | Should -Be @('audit.events', 'public.customers', 'public.orders')
        $tables[0].TableLimit | Should -Be 2000
        @(Get-RdsRestorableTable -InstanceId $Ids.CrmProd -RestoreTime $t -Database crm -Schema public -Name 'ord*').Name | Should -Be @('orders')
    }

    It 'refuses a MySQL instance: the service lists no MySQL tables at a point in time' {
        Get-RdsRestorableTable -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -Database erp -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'OperationNotSupportedByEngine'
    }
}

Describe 'Restore-RdsTable' {
    BeforeAll { Reset-Emulator }

    BeforeEach { Clear-RequestLog }

    It 'restores MySQL tables through the v3.1 table API and warns that MySQL tables cannot be checked' {
        $t = Get-RecentTime $Ids.ErpProd
        $job = Restore-RdsTable -InstanceId erp-prod -RestoreTime $t -Database erp -Table @{ orders = 'orders_before' } -Force -WarningVariable w -WarningAction SilentlyContinue
        $job.Kind | Should -Be 'Table'
        $posts = @(Get-PartialRestorePost)
        $posts.Count | Should -Be 1
        $posts[0].path | Should -BeLike "/v3.1/*/instances/$($Ids.ErpProd)/restore/tables"
        $body = $posts[0].body | ConvertFrom-Json
        $body.restore_tables[0].database | Should -Be 'erp'
        $body.restore_tables[0].tables[0].new_name | Should -Be 'orders_before'
        ($w -join "`n") | Should -Match 'TableToRestoreExists not checked'
        ($job | Wait-RdsRestoreJob @Fast).Status | Should -Be 'Completed'
        ((Get-Tables $Ids.ErpProd).databases | Where-Object name -eq 'erp').tables.name | Should -Contain 'orders_before'
    }

    It 'restores PostgreSQL tables in a schema through the batch table API' {
        $t = Get-RecentTime $Ids.CrmProd
        $job = Restore-RdsTable -InstanceId $Ids.CrmProd -RestoreTime $t -Database crm -Schema audit -Table @{ events = 'events_before' } -Force -WarningAction SilentlyContinue
        $body = @(Get-PartialRestorePost)[0].body | ConvertFrom-Json
        $body.instances[0].databases[0].schemas[0].schema | Should -Be 'audit'
        ($job | Wait-RdsRestoreJob @Fast).Status | Should -Be 'Completed'
        $tables = ((Get-Tables $Ids.CrmProd).databases | Where-Object name -eq 'crm').tables
        @($tables | Where-Object { $_.schema -eq 'audit' -and $_.name -eq 'events_before' }).Count | Should -Be 1
    }

    It 'fails <Rule> for <Case> and sends nothing' -ForEach @(
        @{ Rule = 'TableToRestoreExists'; Case = 'a PostgreSQL table that did not exist then'; Schema = 'public'; Map = @{ nope = 'nope_x' }; Fast = $false }
        @{ Rule = 'TableNameNotInUse'; Case = 'a PostgreSQL new name in use'; Schema = 'public'; Map = @{ orders = 'customers' }; Fast = $false }
        @{ Rule = 'TableNameAllowed'; Case = 'a hyphen in a PostgreSQL table name'; Schema = 'public'; Map = @{ orders = 'orders-x' }; Fast = $false }
        @{ Rule = 'FastRestoreSupported'; Case = 'fast restore of PostgreSQL tables'; Schema = 'public'; Map = @{ orders = 'orders_f' }; Fast = $true }
    ) {
        Restore-RdsTable -InstanceId $Ids.CrmProd -RestoreTime (Get-RecentTime $Ids.CrmProd) -Database crm -Schema $Schema -Table $Map -FastRestore:$Fast -Force -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'RestoreIncompatible'
        $e[0].TargetObject[$Rule].Outcome | Should -Be 'Failed'
        @(Get-PartialRestorePost).Count | Should -Be 0
    }

    It 'refuses -Schema for a MySQL instance (SchemaOnlyForPostgreSql) and a malformed table map (InvalidTableMap)' {
        Restore-RdsTable -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -Database erp -Schema public -Table @{ orders = 'o2' } -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0] | Get-ErrorId | Should -Be 'SchemaOnlyForPostgreSql'
        $e[0].TargetObject | Should -Be 'public'
        Restore-RdsTable -InstanceId $Ids.ErpProd -RestoreTime (Get-RecentTime $Ids.ErpProd) -Database erp -Table @{ orders = '' } -Force -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0] | Get-ErrorId | Should -Be 'InvalidTableMap'
        @(Get-PartialRestorePost).Count | Should -Be 0
    }
}
