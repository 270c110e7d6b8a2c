using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RdsRecovery.Emulator.Bench;

/// <summary>
/// Starts the emulator dll as a process on a free port with a temporary data file, creates one restore
/// job, then sends signed <c>GET /v3/{project_id}/jobs?id=</c> from several concurrent workers for a fixed
/// time and prints requests per second. Usage: bench [emulator.dll] [seconds] [workers].
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var dll = args.Length > 0 ? args[0] : Path.GetFullPath("src/RdsRecovery.Emulator/bin/Release/net10.0/RdsRecovery.Emulator.dll");
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"Emulator not built: {dll}");
            return 2;
        }
        var dataFile = Path.Combine(Path.GetTempPath(), "rds-emulator-bench-" + Guid.NewGuid().ToString("N") + ".db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--port", "0", "--data-file", dataFile, "--job-invisible-ms", "0", "--job-duration-ms", "3600000" })
            start.ArgumentList.Add(a);
        using var emulator = Process.Start(start)!;
        try
        {
            var info = JsonNode.Parse((await emulator.StandardOutput.ReadLineAsync())!)!;
            var baseUri = new Uri(info["baseUri"]!.GetValue<string>());
            string ak = info["accessKey"]!.GetValue<string>(), sk = info["secretKey"]!.GetValue<string>(), pid = info["projectId"]!.GetValue<string>();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = baseUri };

            async Task<HttpResponseMessage> Send(HttpMethod method, string path, string query, string? body)
            {
                var bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
                var date = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(method, query.Length == 0 ? path : path + "?" + query);
                if (body is not null) request.Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } };
                request.Headers.TryAddWithoutValidation("X-Project-Id", pid);
                request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
                request.Headers.TryAddWithoutValidation("Authorization", BenchSigner.Sign(ak, sk, method.Method, path, query, baseUri.Authority, pid, date, bytes));
                return await http.SendAsync(request);
            }

            var instances = JsonNode.Parse(await (await Send(HttpMethod.Get, $"/v3/{pid}/instances", "name=erp-prod", null)).Content.ReadAsStringAsync())!;
            var backups = JsonNode.Parse(await (await Send(HttpMethod.Get, $"/v3/{pid}/backups", "backup_type=auto&instance_id=" + instances["instances"]![0]!["id"], null)).Content.ReadAsStringAsync())!;
            var completed = backups["backups"]!.AsArray().First(b => b!["status"]!.GetValue<string>() == "COMPLETED")!;
            var target = JsonNode.Parse(await (await Send(HttpMethod.Get, $"/v3/{pid}/instances", "name=erp-staging", null)).Content.ReadAsStringAsync())!;
            var restore = await Send(HttpMethod.Post, $"/v3/{pid}/instances/recovery", "",
                $"{{\"source\":{{\"instance_id\":\"{completed["instance_id"]}\",\"type\":\"backup\",\"backup_id\":\"{completed["id"]}\"}},\"target\":{{\"instance_id\":\"{target["instances"]![0]!["id"]}\"}}}}");
            var jobId = JsonNode.Parse(await restore.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();

            // Warm-up, then the measured run.
            for (var i = 0; i < 200; i++) (await Send(HttpMethod.Get, $"/v3/{pid}/jobs", "id=" + jobId, null)).Dispose();
            long ok = 0, failed = 0;
            var stopwatch = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (stopwatch.Elapsed < until)
                {
                    using var response = await Send(HttpMethod.Get, $"/v3/{pid}/jobs", "id=" + jobId, null);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
                }
            })));
            var elapsed = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"signed job queries: {ok} ok, {failed} failed in {elapsed:F1} s with {workers} workers = {ok / elapsed:F0} requests/s " +
                              $"({Environment.ProcessorCount} cores, client and emulator on the same machine)");
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            if (!emulator.HasExited)
            {
                using var term = Process.Start("kill", new[] { "-TERM", emulator.Id.ToString(CultureInfo.InvariantCulture) });
                await term.WaitForExitAsync();
                if (!emulator.WaitForExit(10_000)) emulator.Kill(true);
            }
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dataFile + suffix);
        }
    }
}
