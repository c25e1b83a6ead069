namespace Chat.AppHost.Hosting;

/// <summary>
/// Runs each resource's life: wait for its dependencies to be healthy, start it, wait for it to be healthy,
/// watch its health, and restart it if it exits on its own (when it allows that).
/// </summary>
internal sealed class Orchestrator(AppHostOptions options)
{
    private const int MaxRestarts = 5;
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan HealthWatchInterval = TimeSpan.FromSeconds(2);

    public async Task SuperviseAsync(Resource resource, CancellationToken stopping)
    {
        try
        {
            await RunAsync(resource, stopping);
        }
        finally
        {
            // Whoever asked for a restart must not wait for a start that will never come.
            resource.TakeRestartRequest()?.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task RunAsync(Resource resource, CancellationToken stopping)
    {
        if (!await DependenciesHealthyAsync(resource, stopping))
        {
            return;
        }
        while (!stopping.IsCancellationRequested)
        {
            if (!await StartUntilHealthyAsync(resource, stopping))
            {
                return;
            }
            await WatchAsync(resource, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            if (resource.TakeRestartRequest() is { } restart)
            {
                if (resource.Hold is { } hold)
                {
                    resource.SetState(ResourceState.Stopped, "stopped on request");
                    restart.TrySetResult();
                    await hold.Task.WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                }
                resource.SetState(ResourceState.Restarting, "restart requested");
                restart.TrySetResult();
                continue;
            }
            var exitReason = resource is ExecutableResource { ExitCode: { } code } ? $"exited with code {code}" : "exited";
            resource.Log.Add($"[apphost] {resource.Name} {exitReason}");
            if (!resource.RestartOnExit || resource.RestartCount >= MaxRestarts)
            {
                // Never healthy means it failed to start: that releases (and fails) whatever waits for it.
                resource.SetState(resource.FirstHealthy.IsCompletedSuccessfully ? ResourceState.Exited : ResourceState.FailedToStart, exitReason);
                return;
            }
            resource.RestartCount++;
            resource.SetState(ResourceState.Restarting, exitReason);
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, resource.RestartCount)), stopping);
        }
    }

    private static async Task<bool> DependenciesHealthyAsync(Resource resource, CancellationToken stopping)
    {
        if (resource.WaitsFor.Count == 0)
        {
            return true;
        }
        resource.SetState(ResourceState.Waiting, "for " + string.Join(", ", resource.WaitsFor.Select(d => d.Name)));
        foreach (var dependency in resource.WaitsFor)
        {
            try
            {
                await dependency.FirstHealthy.WaitAsync(stopping);
            }
            catch (ResourceFailedException)
            {
                resource.SetState(ResourceState.FailedToStart, $"dependency {dependency.Name} failed");
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private async Task<bool> StartUntilHealthyAsync(Resource resource, CancellationToken stopping)
    {
        resource.SetState(ResourceState.Starting);
        try
        {
            await resource.StartAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            resource.Log.Add($"[apphost] start failed: {exception.Message}");
            resource.SetState(ResourceState.FailedToStart, exception.Message);
            return false;
        }
        resource.SetState(ResourceState.Running);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.StartupTimeout);
        while (!timeout.IsCancellationRequested)
        {
            if (resource.Exited.IsCompleted)
            {
                // An exit during start-up is handled like any exit: the caller restarts what may be restarted.
                return true;
            }
            if (await resource.IsHealthyAsync(timeout.Token))
            {
                resource.SetHealth(ResourceHealth.Healthy);
                return true;
            }
            await Task.WhenAny(resource.Exited, Task.Delay(HealthPollInterval, timeout.Token));
        }
        if (stopping.IsCancellationRequested)
        {
            return false;
        }
        var reason = $"not healthy {options.StartupTimeout.TotalSeconds:0} s after start";
        resource.Log.Add($"[apphost] {reason}");
        await resource.StopAsync();
        resource.SetState(ResourceState.FailedToStart, reason);
        return false;
    }

    private static async Task WatchAsync(Resource resource, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested && !resource.Exited.IsCompleted)
        {
            await Task.WhenAny(resource.Exited, Task.Delay(HealthWatchInterval, stopping));
            if (stopping.IsCancellationRequested || resource.Exited.IsCompleted)
            {
                return;
            }
            var healthy = await CheckQuietlyAsync(resource, stopping);
            resource.SetHealth(healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy);
        }
    }

    private static async Task<bool> CheckQuietlyAsync(Resource resource, CancellationToken stopping)
    {
        try
        {
            return await resource.IsHealthyAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
