using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Infrastructure;

/// <summary>Stopping and starting a resource through Aspire, as the dashboard's Stop and Start buttons do.</summary>
public static class DistributedApplicationExtensions
{
    /// <summary>
    /// Stops the resource and returns once it has stopped. DCP refuses a stop while the resource is still settling (just
    /// started, restarting after a crash an earlier test caused), so the command is repeated until DCP takes it.
    /// </summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.Running, cancellationToken);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        await Eventually.ReturnsAsync(
            () => commands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken),
            result => result.Success, TimeSpan.FromSeconds(30), $"DCP to accept the stop of {name}");
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>Starts the resource and returns once it is healthy again.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await ExecuteAsync(app, name, KnownResourceCommands.StartCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
    }

    private static async Task ExecuteAsync(DistributedApplication app, string name, string command, CancellationToken cancellationToken)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} of {name} failed: {result.Message}");
        }
    }
}
