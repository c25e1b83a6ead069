using System.Net;
using System.Text.Json.Serialization;
using Chat.AppHost.Hosting;
using Chat.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.AppHost.Dashboard;

/// <summary>
/// The AppHost's web side: the dashboard page, its JSON API and the OTLP receiver, on one loopback port.
/// Started before the resources and stopped after them by <see cref="DistributedApplication"/>.
/// </summary>
public sealed class DashboardServer(DistributedApplication app, DashboardOptions options, int port) : IAsyncDisposable
{
    private WebApplication? _web;

    public string Url => $"http://127.0.0.1:{port}";

    public TelemetryStore Telemetry { get; } = new(options);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The AppHost's console belongs to the resource table; the dashboard itself is not worth logging there.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(Telemetry);
        builder.Services.AddSingleton<OtlpConverter>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var web = builder.Build();
        web.UseExceptionHandler();
        web.UseStatusCodePages();
        web.MapOtlpReceiver();
        web.MapResourceEndpoints();
        web.MapTelemetryEndpoints();
        web.MapDashboardPage();
        await web.StartAsync(cancellationToken);
        _web = web;
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is { } web)
        {
            _web = null;
            await web.StopAsync(CancellationToken.None);
            await web.DisposeAsync();
        }
    }
}
