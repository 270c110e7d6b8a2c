using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Hosting;
using RdsRecovery.Emulator.Store;

namespace RdsRecovery.Emulator.Tests.Infrastructure;

/// <summary>An emulator started in-process on 127.0.0.1:0 with its own temporary data file, called over real HTTP.</summary>
internal sealed class RunningEmulator : IAsyncDisposable
{
    private readonly bool _ownsFile;

    private RunningEmulator(EmulatorHost host, string dataFile, bool ownsFile)
    {
        Host = host;
        DataFile = dataFile;
        _ownsFile = ownsFile;
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = host.BaseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public EmulatorHost Host { get; }
    public string DataFile { get; }
    public HttpClient Http { get; }
    public string ProjectId => Host.Options.ProjectId;

    public static string NewDataFile() => Path.Combine(Path.GetTempPath(), "rds-emulator-tests", Guid.NewGuid().ToString("N") + ".db");

    /// <summary>Starts with short job times by default (invisible 200 ms, running 1500 ms) so lifecycle tests finish quickly.</summary>
    public static async Task<RunningEmulator> StartAsync(string? dataFile = null, int invisibleMs = 200, int durationMs = 1500, bool reset = false)
    {
        var file = dataFile ?? NewDataFile();
        var options = new EmulatorOptions
        {
            Port = 0,
            DataFile = file,
            JobInvisibleMs = invisibleMs,
            JobDurationMs = durationMs,
            Reset = reset,
        };
        var host = await EmulatorHost.StartAsync(options);
        return new RunningEmulator(host, file, dataFile is null);
    }

    public static string Id(string name) => Seed.InstanceId(name);

    public static string BackupId(string instance, int index) => Seed.BackupId(instance, index);

    /// <summary>Sends a request signed with the test signer (host, x-project-id and x-sdk-date signed).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? body = null,
        DateTime? signedAt = null, string? secretKey = null, string? accessKey = null, Action<HttpRequestMessage, Dictionary<string, string>>? tweak = null,
        HttpClient? via = null)
    {
        var bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var signed = new Dictionary<string, string>
        {
            ["host"] = Host.BaseUri.Authority,
            ["x-project-id"] = ProjectId,
            ["x-sdk-date"] = (signedAt ?? DateTime.UtcNow).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        };
        tweak?.Invoke(request, signed);
        foreach (var (name, value) in signed)
            if (name != "host") request.Headers.TryAddWithoutValidation(name, value);
        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var query = q < 0 ? "" : pathAndQuery[(q + 1)..];
        request.Headers.TryAddWithoutValidation("Authorization", TestSigner.Authorization(accessKey ?? Host.Options.AccessKey,
            secretKey ?? Host.Options.SecretKey, method.Method, path, query, signed, bytes));
        return (via ?? Http).SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string relative, HttpClient? via = null) =>
        SendAsync(HttpMethod.Get, $"/v3/{ProjectId}/{relative}", via: via);

    /// <summary>A client on a fresh connection: a dropped first request on it is not retried transparently by the handler.</summary>
    public HttpClient FreshClient() => new(new SocketsHttpHandler()) { BaseAddress = Host.BaseUri };

    public async Task<JsonObject> GetJsonAsync(string relative)
    {
        using var response = await GetAsync(relative);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<HttpResponseMessage> RestoreAsync(object body, HttpClient? via = null, string version = "v3") =>
        SendAsync(HttpMethod.Post, $"/{version}/{ProjectId}/instances/recovery", body as string ?? JsonSerializer.Serialize(body), via: via);

    /// <summary>Restores and asserts acceptance; returns the job id.</summary>
    public async Task<string> RestoreAcceptedAsync(object body)
    {
        using var response = await RestoreAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"restore refused: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["job_id"]!.GetValue<string>();
    }

    /// <summary>Polls the job until it leaves Running (and is visible); the deadline only guards against hanging.</summary>
    public async Task<JsonObject> WaitForJobAsync(string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await GetAsync("jobs?id=" + jobId);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var job = json["job"]!.AsObject();
                if (job["status"]!.GetValue<string>() != "Running") return job;
            }
            else Assert.Equal("DBS.200543", json["error_code"]!.GetValue<string>());
            if (DateTime.UtcNow > deadline) throw new TimeoutException("job " + jobId + " did not finish");
            await Task.Delay(50);
        }
    }

    public async Task<JsonObject> AdminJsonAsync(HttpMethod method, string relative, string? body = null)
    {
        using var request = new HttpRequestMessage(method, "/_emulator/" + relative);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} /_emulator/{relative}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    public Task<JsonObject> DataAsync(string instanceName) => AdminJsonAsync(HttpMethod.Get, $"instances/{Id(instanceName)}/data");

    public async Task<string> StatusOfAsync(string instanceName)
    {
        var json = await GetJsonAsync("instances?id=" + Id(instanceName));
        return json["instances"]![0]!["status"]!.GetValue<string>();
    }

    public static async Task<(HttpStatusCode Status, string Code, string Message, HttpResponseMessage Response)> ErrorOf(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)!.AsObject();
        return (response.StatusCode, json["error_code"]!.GetValue<string>(), json["error_msg"]!.GetValue<string>(), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (_ownsFile) DeleteFiles(DataFile);
    }

    public static void DeleteFiles(string dataFile)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(dataFile + suffix); } catch (IOException) { }
        }
    }
}
