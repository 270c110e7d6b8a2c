using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using RdsRecovery.Emulator.Hosting;
using RdsRecovery.Emulator.Tests.Infrastructure;

namespace RdsRecovery.Emulator.Tests;

/// <summary>The built program: first stdout line is the JSON object; runs with stdin closed; SIGTERM stops it cleanly.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task ProgramPrintsTheJsonLineFirstAndStopsCleanlyOnSigterm()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a Unix signal; CI runs on Linux
        var dll = typeof(EmulatorHost).Assembly.Location;
        var file = RunningEmulator.NewDataFile();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", "0", "--data-file", file, "--job-duration-ms", "100" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(firstLine);
            var info = JsonNode.Parse(firstLine!)!.AsObject();
            Assert.Equal(new[] { "baseUri", "accessKey", "secretKey", "projectId" }, info.Select(p => p.Key));
            var baseUri = info["baseUri"]!.GetValue<string>();
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", baseUri);
            Assert.Equal(EmulatorOptions.DefaultAccessKey, info["accessKey"]!.GetValue<string>());
            Assert.Equal(EmulatorOptions.DefaultSecretKey, info["secretKey"]!.GetValue<string>());
            Assert.Equal(EmulatorOptions.DefaultProjectId, info["projectId"]!.GetValue<string>());

            using var http = new HttpClient { BaseAddress = new Uri(baseUri) };
            using var response = await http.GetAsync("/_emulator/settings");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(100, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job_duration_ms"]!.GetValue<int>());

            using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) })) await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("Exception", await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(true);
            RunningEmulator.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task BadOptionsExitWithUsage()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(EmulatorHost).Assembly.Location, "--listen-address", "0.0.0.0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--allow-remote", stderr);
        Assert.Contains("Usage:", stderr);
    }
}
