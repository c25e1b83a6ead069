using System.Collections.Concurrent;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.AppHost.Resources.Restarts;

/// <summary>
/// Watches the resources marked <see cref="RestartOnCrashAnnotation"/> and starts one again, through the same Start
/// command the dashboard offers, when it goes from running to exited without a stop having been asked for (a stop
/// from the dashboard or a test passes through "Stopping" first, and is left alone). The restart and its reason are
/// written to the resource's console log, so they show in the dashboard.
/// </summary>
internal sealed class CrashRestarter : IDistributedApplicationEventingSubscriber
{
    private static readonly HashSet<string> ExitedStates = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    private readonly ConcurrentDictionary<string, RestartBackoff> _backoffs = new(StringComparer.Ordinal);

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((@event, token) =>
            {
                _ = Task.Run(() => WatchAsync(@event.Services));
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    private async Task WatchAsync(IServiceProvider services)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var commands = services.GetRequiredService<ResourceCommandService>();
        var logs = services.GetRequiredService<ResourceLoggerService>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var lastStates = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stopRequested = new HashSet<string>(StringComparer.Ordinal);
        // Restarted but not yet running: a failed attempt (FailedToStart straight from Starting) is retried too.
        var restarting = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (!update.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>())
                {
                    continue;
                }
                var name = update.Resource.Name;
                var state = update.Snapshot.State?.Text;
                var previous = lastStates.GetValueOrDefault(name);
                lastStates[name] = state;
                if (state == previous)
                {
                    continue;
                }
                if (state == KnownResourceStates.Stopping)
                {
                    stopRequested.Add(name);
                }
                else if (state == KnownResourceStates.Starting)
                {
                    stopRequested.Remove(name);
                }
                else if (state == KnownResourceStates.Running)
                {
                    restarting.Remove(name);
                }
                else if (state is not null && ExitedStates.Contains(state) && (previous == KnownResourceStates.Running || restarting.Contains(name))
                    && !stopRequested.Contains(name) && !stopping.IsCancellationRequested)
                {
                    restarting.Add(name);
                    var delay = _backoffs.GetOrAdd(name, _ => new RestartBackoff()).Next(update.Snapshot.StartTimeStamp, DateTime.UtcNow);
                    logs.GetLogger(update.Resource).LogWarning(
                        "{Resource} exited unexpectedly (state {State}, exit code {ExitCode}); restarting in {Delay} s",
                        name, state, update.Snapshot.ExitCode, delay.TotalSeconds);
                    _ = RestartAsync(commands, logs.GetLogger(update.Resource), update.Resource, delay, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is shutting down: nothing to restart any more.
        }
    }

    private static async Task RestartAsync(ResourceCommandService commands, ILogger logger, IResource resource, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                logger.LogError("Restarting {Resource} failed: {Error}", resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
