using RdsRecovery.Emulator.Admin;

namespace RdsRecovery.Emulator.Api;

/// <summary>
/// Every route of the emulator, in the order the router tries them: the service's APIs (signed or token, except
/// IAM's token API), then the loopback-only admin API under <c>/_emulator/</c> (README.md lists both).
/// </summary>
internal static class Routes
{
    public static void Register(Router router, EmulatorServices services)
    {
        const RouteAccess gateway = RouteAccess.Gateway;
        var instances = new InstancesApi(services);
        router.Add("POST", "/v3/auth/tokens", RouteAccess.Anonymous, new TokensApi(services).Issue);
        router.Add("GET", "/v3/{project_id}/instances", gateway, instances.List);
        router.Add("POST", "/v3/{project_id}/instances/recovery", gateway, new RecoveryApi(services, RestoreApi.V3).Restore);
        router.Add("POST", "/v3.1/{project_id}/instances/recovery", gateway, new RecoveryApi(services, RestoreApi.V31).Restore);
        router.Add("GET", "/v3/{project_id}/instances/{instance_id}/restore-time", gateway, instances.RestoreTimes);
        router.Add("GET", "/v3/{project_id}/instances/{instance_id}/database/detail", gateway, instances.Databases);
        router.Add("GET", "/v3/{project_id}/backups", gateway, new BackupsApi(services).List);
        var manualBackups = new ManualBackupsApi(services);
        router.Add("POST", "/v3/{project_id}/backups", gateway, manualBackups.Create);
        router.Add("DELETE", "/v3/{project_id}/backups/{backup_id}", gateway, manualBackups.Delete);
        router.Add("GET", "/v3/{project_id}/jobs", gateway, new JobsApi(services).Get);

        // Database- and table-level point-in-time recovery (api-facts.md §2.8).
        var history = new HistoryApi(services);
        router.Add("POST", "/v3/{project_id}/{engine}/instances/history/databases", gateway, history.Databases);
        router.Add("POST", "/v3/{project_id}/{database_name}/instances/history/tables", gateway, history.Tables);
        router.Add("POST", "/v3/{project_id}/instances/batch/restore/databases", gateway, new DatabaseRestoreApi(services).Restore);
        var tables = new TableRestoreApi(services);
        router.Add("POST", "/v3.1/{project_id}/instances/{instance_id}/restore/tables", gateway, tables.RestoreMySql);
        router.Add("POST", "/v3/{project_id}/instances/batch/restore/tables", gateway, tables.RestorePostgreSql);
        router.Add("POST", "/v3/{project_id}/instances/fast-restore", gateway, new FastRestoreApi(services).List);

        new ObjectHistoryAdminApi(services).Register(router);
        new AdminApi(services).Register(router);
        new ArrangedOutcomeAdmin(services, "next-backup", services.Store.ArrangedBackup, services.Store.ArrangeBackup).Register(router);
    }
}
