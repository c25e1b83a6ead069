using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Infrastructure;

/// <summary>Stopping and starting a resource through Aspire, as the dashboard's Stop and Start buttons do.</summary>
public static class DistributedApplicationExtensions
{
    /// <summary>
    /// Stops the resource and returns once it has stopped. On a loaded machine DCP can take longer to stop a process than
    /// Aspire's stop command waits, which then reports a failure although the stop goes on: what counts is whether the
    /// resource reaches a terminal state, and only if it does not is the command's failure the answer.
    /// </summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.Running, cancellationToken);
        var result = await app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{name} did not stop within a minute; the stop command said: {(result.Success ? "done" : result.Message)}");
        }
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
