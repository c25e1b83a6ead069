using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.AppHost.Resources.Logs;

/// <summary>
/// <c>Chat:EchoResourceLogs=true</c>: every resource's console log is also written to the AppHost's standard output,
/// as "[resource] line", for runs with no browser at hand (CI, a terminal over SSH). The dashboard shows the same.
/// </summary>
internal sealed class ResourceLogEcho : IDistributedApplicationEventingSubscriber
{
    public const string ConfigurationKey = "Chat:EchoResourceLogs";

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>((@event, token) =>
        {
            var logs = @event.Services.GetRequiredService<ResourceLoggerService>();
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            foreach (var resource in @event.Model.Resources)
            {
                _ = Task.Run(() => EchoAsync(logs, resource, stopping), CancellationToken.None);
            }
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    private static async Task EchoAsync(ResourceLoggerService logs, IResource resource, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    Console.Out.WriteLine($"[{resource.Name}] {line.Content}");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
