using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RdsRecovery.PowerShell.Tests;

/// <summary>
/// The built emulator as a child process on a free loopback port, with its admin API (faults, next-restore,
/// request log), for the cancellation tests. Started once per test class.
/// </summary>
public sealed class CancellationEmulator : IDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    public CancellationEmulator()
    {
        var dll = FindEmulatorDll();
        _dataDir = Path.Combine(Path.GetTempPath(), "rds-cancel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--port", "0", "--data-file", Path.Combine(_dataDir, "emulator.db"), "--job-invisible-ms", "100", "--job-duration-ms", "400" })
            start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        var first = _process.StandardOutput.ReadLineAsync();
        if (!first.Wait(TimeSpan.FromSeconds(60)) || first.Result is null) throw new InvalidOperationException("The emulator did not start.");
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = _process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var info = JsonNode.Parse(first.Result)!;
        BaseUri = (string)info["baseUri"]!;
        AccessKey = (string)info["accessKey"]!;
        SecretKey = (string)info["secretKey"]!;
        ProjectId = (string)info["projectId"]!;
        Admin = new HttpClient { BaseAddress = new Uri(BaseUri.TrimEnd('/') + "/_emulator/") };
    }

    public string BaseUri { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public string ProjectId { get; }
    public HttpClient Admin { get; }

    /// <summary>The script line that connects a runspace to this emulator.</summary>
    public string ConnectLine =>
        $"Connect-RdsAccount -Endpoint '{BaseUri}' -Region cn-north-4 -ProjectId '{ProjectId}' -AccessKey '{AccessKey}' " +
        $"-SecretKey (ConvertTo-SecureString '{SecretKey}' -AsPlainText -Force)";

    public void Reset() => Send(HttpMethod.Post, "reset", null);

    public void Put(string path, object body) => Send(HttpMethod.Put, path, JsonSerializer.Serialize(body));

    public JsonNode Get(string path)
    {
        using var response = Admin.GetAsync(path).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())!;
    }

    /// <summary>The request log: (method, path with query, status).</summary>
    public List<(string Method, string Path, int Status)> Requests() =>
        Get("requests")["requests"]!.AsArray()
            .Select(r => ((string)r!["method"]!, (string)r["path"]!, (int)r["status"]!))
            .ToList();

    /// <summary>How often the first fault rule has hit so far (a latency rule hits when the request arrives).</summary>
    public int FirstFaultHits() => (int?)Get("faults")["rules"]?.AsArray().FirstOrDefault()?["hits"] ?? 0;

    private void Send(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = Admin.SendAsync(request).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    private static string FindEmulatorDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RdsRecovery.PowerShell.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var dll = Path.Combine(dir.FullName, "src", "RdsRecovery.Emulator", "bin", configuration, "net10.0", "RdsRecovery.Emulator.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new InvalidOperationException("The emulator is not built: run ./build.ps1 -Task Build first.");
    }

    public void Dispose()
    {
        Admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}
