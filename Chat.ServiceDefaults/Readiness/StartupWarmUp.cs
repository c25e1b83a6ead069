using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Readiness;

/// <summary>
/// Runs every <see cref="WarmUpStep"/> once the service has started, and keeps the ready check (<c>/health</c>)
/// unhealthy until all have succeeded: an orchestrator that waits for health then sends the first request to a
/// service that answers it within the gateway's budget, instead of one that still downloads keys, builds its EF
/// model and opens its first connection on that request's time. A failed step is retried (its dependency may
/// still be starting); liveness (<c>/alive</c>) is not affected.
/// </summary>
public sealed partial class StartupWarmUp(IEnumerable<WarmUpStep> steps, IServiceProvider services, ILogger<StartupWarmUp> logger)
    : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Warming up."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var step in steps)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    await step.RunAsync(scope.ServiceProvider, stoppingToken);
                    break;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogStepFailed(exception, step.Name);
                    await Task.Delay(RetryDelay, stoppingToken);
                }
            }
        }

        _done = true;
        LogWarm(stopwatch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up step {Step} failed; retrying")]
    private partial void LogStepFailed(Exception exception, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm after {ElapsedMs} ms; reporting ready")]
    private partial void LogWarm(long elapsedMs);
}
