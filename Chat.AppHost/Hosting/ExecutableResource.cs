using Chat.AppHost.Processes;

namespace Chat.AppHost.Hosting;

/// <summary>A resource that is an OS process the AppHost starts, watches and stops.</summary>
public abstract class ExecutableResource(string name) : Resource(name)
{
    private ChildProcess? _process;

    public override int? ProcessId => _process is { HasExited: false } process ? process.ProcessId : null;

    public override Task Exited => _process?.Exited ?? Task.CompletedTask;

    /// <summary>How long the process gets to stop on its stop signal before it is killed.</summary>
    protected virtual TimeSpan StopGracePeriod => TimeSpan.FromSeconds(15);

    /// <summary>One-time preparation before the first start (create a data directory, initdb...).</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract ChildProcessSpec CreateProcessSpec();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        _process = await ChildProcess.StartAsync(CreateProcessSpec(), Log.Add);
    }

    public override async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync(StopGracePeriod);
        }
    }

    /// <summary>Exit code of the last run, once it has exited.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;
}
