using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RdsRecovery.Emulator.Hosting;
using RdsRecovery.Emulator.Http;
using RdsRecovery.Emulator.Rules;
using RdsRecovery.Emulator.Store;

namespace RdsRecovery.Emulator.Api;

/// <summary><c>POST /v3/{project_id}/instances/recovery</c>: checks every rule, then accepts one job.</summary>
internal sealed class RecoveryApi
{
    private readonly EmulatorServices _services;

    public RecoveryApi(EmulatorServices services) => _services = services;

    public Task Restore(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var body = RequestBody.Get(context);
        var request = RestoreRequest.Parse(body);
        var store = _services.Store;
        var jobId = store.Write(c =>
        {
            var now = WireTime.NowMs();
            store.SettleDue(c, now);
            var (source, target, data) = RestoreValidator.Check(c, request, now);
            var arranged = EmulatorStore.Arranged(c, target.Id);
            var duration = arranged?.DurationMs ?? _services.Settings.JobDurationMs;
            var job = new JobRecord(Guid.NewGuid().ToString("N"),
                source.Engine == "SQLServer" ? "SingleDbRestoreSqlserverInInstance" : "RestoreExistInstance",
                source.Id, target.Id, target.Name, now, now + _services.Settings.JobInvisibleMs, now + duration,
                arranged?.FailReason, false);
            store.InsertJob(c, job, data, Encoding.UTF8.GetString(body.Span));
            if (arranged is not null) EmulatorStore.ConsumeArranged(c, target.Id);
            EmulatorStore.SetStatus(c, target.Id, "RESTORING", now);
            return job.Id;
        });
        return JsonResponse.WriteAsync(context, 200, new JsonObject { ["job_id"] = jobId });
    }
}
