using RdsRecovery.Emulator.Admin;

namespace RdsRecovery.Emulator.Api;

/// <summary>The routes of database- and table-level point-in-time recovery (api-facts.md §2.8) and their admin endpoints.</summary>
internal static class PartialRestoreRoutes
{
    public static void Register(Router router, EmulatorServices services)
    {
        var history = new HistoryApi(services);
        router.Add("POST", "/v3/{project_id}/{engine}/instances/history/databases", RouteAccess.Gateway, history.Databases);
        router.Add("POST", "/v3/{project_id}/{database_name}/instances/history/tables", RouteAccess.Gateway, history.Tables);
        router.Add("POST", "/v3/{project_id}/instances/batch/restore/databases", RouteAccess.Gateway, new DatabaseRestoreApi(services).Restore);
        var tables = new TableRestoreApi(services);
        router.Add("POST", "/v3.1/{project_id}/instances/{instance_id}/restore/tables", RouteAccess.Gateway, tables.RestoreMySql);
        router.Add("POST", "/v3/{project_id}/instances/batch/restore/tables", RouteAccess.Gateway, tables.RestorePostgreSql);
        router.Add("POST", "/v3/{project_id}/instances/fast-restore", RouteAccess.Gateway, new FastRestoreApi(services).List);
        new ObjectHistoryAdminApi(services).Register(router);
    }
}
