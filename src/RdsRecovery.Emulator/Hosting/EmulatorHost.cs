using System.Net;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RdsRecovery.Emulator.Admin;
using RdsRecovery.Emulator.Api;

namespace RdsRecovery.Emulator.Hosting;

/// <summary>
/// One running emulator: Kestrel on the chosen address and port, the store, the routes. Used by
/// <see cref="Program"/> and by tests that start it in-process.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, EmulatorServices services, Uri baseUri)
    {
        _app = app;
        Services = services;
        BaseUri = baseUri;
        InfoLine = AdminApi.InfoJson(services.Options, baseUri.GetLeftPart(UriPartial.Authority)).ToJsonString();
    }

    /// <summary>The origin to call, like <c>http://127.0.0.1:8443</c> (no path).</summary>
    public Uri BaseUri { get; }

    /// <summary>The compact JSON object printed as the first line: baseUri, accessKey, secretKey, projectId.</summary>
    public string InfoLine { get; }

    internal EmulatorServices Services { get; }

    public EmulatorOptions Options => Services.Options;

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var store = new EmulatorStore(options.DataFile);
        try
        {
            store.Initialize(options.Reset, WireTime.NowMs());
            var services = new EmulatorServices(options, store);
            var router = new Router();
            Routes.Register(router, services);
            var pipeline = new Pipeline(services, router);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            // Logs go to stderr and only from Warning up, so stdout's first line is the JSON object.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(IPAddress.Parse(options.ListenAddress), options.Port);
            });
            var app = builder.Build();
            app.Run(pipeline.InvokeAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            var listen = IPAddress.Parse(options.ListenAddress);
            var host = listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) ? "127.0.0.1"
                : listen.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen.ToString();
            var baseUri = new Uri($"http://{host}:{port}");
            return new EmulatorHost(app, services, baseUri);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Services.Store.Dispose();
    }
}
