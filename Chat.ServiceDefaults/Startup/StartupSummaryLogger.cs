using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Startup;

/// <summary>
/// Logs, once the service listens, what it runs with: where it listens, the connection strings and service
/// endpoints it was given, where its telemetry goes, and the options sections its code registered with
/// <see cref="StartupSummaryExtensions.InStartupSummary{TOptions}"/> — every secret hidden. The first thing to read
/// when a service misbehaves in one environment and not in another.
/// </summary>
public sealed partial class StartupSummaryLogger(
    IHostEnvironment environment, IHostApplicationLifetime lifetime, IConfiguration configuration,
    IEnumerable<IStartupSummarySection> sections, ILogger<StartupSummaryLogger> logger, IServer? server = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Once started, the server knows the addresses it listens on.
        lifetime.ApplicationStarted.Register(LogSummary);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void LogSummary()
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LogStarted(environment.ApplicationName, environment.EnvironmentName, string.Join(", ", addresses),
            configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } otlp ? otlp : "none");
        foreach (var setting in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            LogSetting("ConnectionStrings:" + setting.Key, SecretRedaction.Redact(setting.Value));
        }
        foreach (var service in configuration.GetSection("services").GetChildren())
        {
            LogSetting("services:" + service.Key,
                string.Join(", ", service.AsEnumerable(makePathsRelative: true).Where(e => e.Value is not null).Select(e => SecretRedaction.Redact(e.Value))));
        }
        foreach (var section in sections.OrderBy(section => section.Name, StringComparer.Ordinal))
        {
            LogSetting(section.Name, section.Describe());
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Started {Service} ({Environment}), listening on {Addresses}, telemetry to {OtlpEndpoint}")]
    private partial void LogStarted(string service, string environment, string addresses, string otlpEndpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration {Setting} = {Value}")]
    private partial void LogSetting(string setting, string value);
}
